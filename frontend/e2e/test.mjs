// Node 20's `node --test <dir>` only picks files named like *.test.mjs or test.mjs; this makes
// `node --test e2e/` (and `node --test frontend/e2e/` from the repo root) run the end-to-end files.
import './dashboard.e2e.mjs';
import './app.e2e.mjs';
import './rules-coach.e2e.mjs';
import './coach-pages.e2e.mjs';
import './readiness.e2e.mjs';
import './coach-flow.e2e.mjs';
import './routes-sources.e2e.mjs';
import './map-tiles.e2e.mjs';
import './security.e2e.mjs';
