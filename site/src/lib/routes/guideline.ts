// A guideline's page: the document as the validator rendered it.
import { siteData } from '../data.ts';

export function guidelinePaths() {
  return siteData().model.guidelines.map((guideline) => ({ params: { id: guideline.id }, props: { guideline } }));
}
