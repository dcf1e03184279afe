import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basisText, isDecided, staleNotice } from '../lib/coach/analysis-basis.mjs';

const old = { trainingStressScore: 21.4, intensityFactor: 0.523, ftpWatts: 310 };
const now = { trainingStressScore: 60.2, intensityFactor: 0.876, ftpWatts: 200 };

describe('basisText', () => {
  it('names TSS, IF and FTP, leaving out what the ride lacks', () => {
    assert.equal(basisText(old), 'TSS 21 (IF 0.52, FTP 310 W)');
    assert.equal(basisText({ trainingStressScore: 48, intensityFactor: null, ftpWatts: null }), 'TSS 48');
    assert.equal(basisText({}), 'no TSS');
  });
});

describe('staleNotice', () => {
  const analysis = (patch) => ({ status: 'ready', stale: true, basedOn: old, current: now, suggestions: [{ state: 'pending' }], ...patch });

  it('says what the analysis used and what the ride has now, and that a decided one stays as decided', () => {
    assert.equal(
      staleNotice(analysis({ status: 'approved', suggestions: [{ state: 'approved' }] })),
      'This analysis was made with TSS 21 (IF 0.52, FTP 310 W); the ride has been recomputed since (new thresholds or corrected data) and has TSS 60 (IF 0.88, FTP 200 W). You already decided on it, so it stays as it was; analyse the ride again for a review with the new numbers.',
    );
  });

  it('asks to analyse an undecided one again', () => {
    assert.match(staleNotice(analysis({})), /Analyse it again to review the ride with the new numbers\.$/);
  });

  it('says nothing for an analysis that is up to date', () => {
    assert.equal(staleNotice(analysis({ stale: false })), null);
    assert.equal(staleNotice(analysis({ basedOn: null })), null);
  });

  it('counts a partly decided ready analysis as decided', () => {
    assert.equal(isDecided({ status: 'ready', suggestions: [{ state: 'rejected' }, { state: 'pending' }] }), true);
    assert.equal(isDecided({ status: 'ready', suggestions: [] }), false);
  });
});
