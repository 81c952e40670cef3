// `node --import ./test/support/record-imports.mjs app.js`: records every module the app resolves (see import-hooks.mjs).
import {register} from 'node:module';

register('./import-hooks.mjs', import.meta.url);
