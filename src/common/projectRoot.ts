import { resolve } from 'node:path';

/** The project's root, where scenarios/, contracts/, recordings/ and reports/ are found by default. */
export const projectRoot = resolve(__dirname, '..', '..');
