// Ships the opt-in stylesheet as dist/styles.css (`import 'react-3ds-kit/styles.css'`): plain CSS, copied as is.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(path.join(root, 'dist'), { recursive: true });
copyFileSync(path.join(root, 'src/styles/styles.css'), path.join(root, 'dist/styles.css'));
