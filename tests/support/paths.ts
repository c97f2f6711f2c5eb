import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'tests', 'output');
/** The official data, read-only: tests never write there. */
export const DATA_DIR = process.env.KA_DATA_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'data');
