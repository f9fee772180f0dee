// dependency-cruiser's configuration: the layers declared in architecture.ts.
export { DEPENDENCY_RULES as default } from './architecture.ts';
