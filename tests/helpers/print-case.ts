// Prints the findings of an invalid-fixture case, for writing its expected.json by hand-checked copy.
import { materializeCase, publicFindings, validateFolder } from './registers.ts';
const { cwd, root } = materializeCase(process.argv[2] as string);
process.stdout.write(`${JSON.stringify(publicFindings(validateFolder(root, cwd).findings), null, 2)}\n`);
