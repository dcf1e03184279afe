import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { earlierRidesNotice, historyRows, roundHalfEven, toForm, validateAthlete, zonePreview, zonesFor } from '../lib/settings/athlete-form.mjs';

const today = '2026-12-01';
const blank = () => toForm(null, today);

describe('zonesFor', () => {
  it('gives the seven Coggan power zones for FTP 200 (55, 75, 90, 105, 120, 150 % → 110, 150, 180, 210, 240, 300 W)', () => {
    assert.deepEqual(zonesFor('power', 200).map((z) => [z.zone, z.min, z.max]), [
      [1, 0, 109], [2, 110, 149], [3, 150, 179], [4, 180, 209], [5, 210, 239], [6, 240, 299], [7, 300, null],
    ]);
  });

  it('gives the five heart-rate zones for LTHR 170 (68, 83, 94, 105 % → 115.6, 141.1, 159.8, 178.5 bpm; .5 to even)', () => {
    assert.deepEqual(zonesFor('heartRate', 170).map((z) => [z.min, z.max]), [[0, 115], [116, 140], [141, 159], [160, 177], [178, null]]);
  });

  it('rounds midpoints to even as the server does (FTP 250: 137.5 → 138, 187.5 → 188)', () => {
    assert.equal(roundHalfEven(137.5), 138);
    assert.equal(roundHalfEven(136.5), 136);
    assert.equal(roundHalfEven(-0.4), -0);
    const z = zonesFor('power', 250);
    assert.deepEqual([z[1].min, z[2].min], [138, 188]);
  });

  it('is empty without a threshold', () => {
    assert.deepEqual(zonesFor('power', null), []);
    assert.deepEqual(zonesFor('power', 0), []);
  });
});

describe('zonePreview', () => {
  const saved = [{ zone: 1, name: 'Z1 Active recovery', min: 0, max: 136 }];
  it("shows the API's zones while the typed FTP is the saved one", () => {
    assert.deepEqual(zonePreview('power', '250', 250, saved), { zones: saved, preview: false });
  });
  it('previews zones computed here for a new value, and none for an empty or bad one', () => {
    const p = zonePreview('power', '300', 250, saved);
    assert.equal(p.preview, true);
    assert.equal(p.zones[3].min, 270);
    assert.deepEqual(zonePreview('power', '', 250, saved).zones, []);
    assert.deepEqual(zonePreview('power', 'abc', 250, saved).zones, []);
  });
});

describe('validateAthlete', () => {
  it('builds the PUT body from a full form (decimal comma, chainrings and cogs in any separator)', () => {
    const form = blank();
    Object.assign(form, { ftpWatts: '265', weightKg: '71,5', lactateThresholdHeartRateBpm: '168', maxHeartRateBpm: '188', restingHeartRateBpm: '48' });
    form.bike = { massKg: '8.2', cdA: '0.32', crr: '0.004', wheelCircumferenceMeters: '2.105', chainrings: '50/34', cassette: '11, 12 13 14 16 18 21 24 28', minimumCadenceRpm: '60' };
    form.availability = { ...form.availability, tuesday: '1', thursday: '1.5', saturday: '4', sunday: '3' };
    const { errors, request } = validateAthlete(form);
    assert.deepEqual(errors, {});
    assert.deepEqual(request, {
      effectiveFrom: today, ftpWatts: 265, weightKg: 71.5, lactateThresholdHeartRateBpm: 168, maxHeartRateBpm: 188, restingHeartRateBpm: 48,
      bike: { massKg: 8.2, cdA: 0.32, crr: 0.004, wheelCircumferenceMeters: 2.105, chainrings: [50, 34], cassette: [11, 12, 13, 14, 16, 18, 21, 24, 28], minimumCadenceRpm: 60 },
      weeklyAvailabilityHours: { monday: 0, tuesday: 1, wednesday: 0, thursday: 1.5, friday: 0, saturday: 4, sunday: 3 },
    });
  });

  it('sends no bike and no week when those fields are all empty', () => {
    const form = blank();
    form.ftpWatts = '250';
    const { request } = validateAthlete(form);
    assert.equal(request.bike, null);
    assert.equal(request.weeklyAvailabilityHours, null);
    assert.equal(request.lactateThresholdHeartRateBpm, null);
  });

  it('refuses values outside the ranges the server enforces, under the server error keys', () => {
    const form = blank();
    Object.assign(form, { ftpWatts: '29', weightKg: 'heavy', lactateThresholdHeartRateBpm: '165.5', restingHeartRateBpm: '50', effectiveFrom: '1989-12-31' });
    form.availability.monday = '17';
    const { errors, request } = validateAthlete(form);
    assert.equal(request, null);
    assert.deepEqual(Object.keys(errors).sort(), ['effectiveFrom', 'ftpWatts', 'lactateThresholdHeartRateBpm', 'weeklyAvailabilityHours', 'weightKg']);
  });

  it('wants heart rates to rise: resting < LTHR ≤ max', () => {
    const form = blank();
    Object.assign(form, { lactateThresholdHeartRateBpm: '170', maxHeartRateBpm: '165' });
    assert.ok(validateAthlete(form).errors.heartRate);
    Object.assign(form, { lactateThresholdHeartRateBpm: '', maxHeartRateBpm: '100', restingHeartRateBpm: '110' });
    assert.ok(validateAthlete(form).errors.heartRate, 'resting against max when there is no LTHR');
    Object.assign(form, { lactateThresholdHeartRateBpm: '170', maxHeartRateBpm: '170', restingHeartRateBpm: '50' });
    assert.equal(validateAthlete(form).errors.heartRate, undefined, 'LTHR may equal max');
  });

  it('asks for the rest of the bike once one bike field is filled, and checks the teeth', () => {
    const form = blank();
    form.bike = { ...form.bike, massKg: '8', chainrings: '53 39 30 24', cassette: '11-28' };
    const { errors } = validateAthlete(form);
    assert.equal(errors['bike.cdA'], 'Needed for the bike.');
    assert.match(errors['bike.chainrings'], /1 to 3/);
    assert.match(errors['bike.cassette'], /cogs/);
    assert.equal(errors['bike.massKg'], undefined);
  });
});

describe('toForm', () => {
  it('fills the form from the profile in effect, the effective date defaulting to today', () => {
    const form = toForm({ ftpWatts: 250, weightKg: null, bike: { massKg: 8, cdA: 0.3, crr: 0.004, wheelCircumferenceMeters: 2.1, chainrings: [50, 34], cassette: [11, 28], minimumCadenceRpm: 60 }, weeklyAvailabilityHours: { monday: 0, tuesday: 1, wednesday: 0, thursday: 1, friday: 0, saturday: 4, sunday: 3 } }, today);
    assert.equal(form.effectiveFrom, today);
    assert.equal(form.ftpWatts, '250');
    assert.equal(form.weightKg, '');
    assert.equal(form.bike.chainrings, '50, 34');
    assert.equal(form.availability.saturday, '4');
    assert.deepEqual(validateAthlete(form).request.bike.cassette, [11, 28], 'a loaded profile saves back unchanged');
  });
});

describe('historyRows', () => {
  it('marks the periods a later entry for the same date replaced', () => {
    const rows = historyRows([
      { id: 'c', effectiveFrom: '2026-12-01', ftpWatts: 252, createdAt: '2026-12-01T11:20:00Z' },
      { id: 'b', effectiveFrom: '2026-12-01', ftpWatts: 251, createdAt: '2026-12-01T11:10:00Z' },
      { id: 'a', effectiveFrom: '2026-09-01', ftpWatts: 240, createdAt: '2026-09-01T08:00:00Z' },
    ]);
    assert.deepEqual(rows.map((r) => [r.id, r.replaced]), [['c', false], ['b', true], ['a', false]]);
  });
});

describe('earlierRidesNotice', () => {
  const form = (patch) => ({ ...toForm(null, '2026-12-01'), ...patch });
  const none = { effectiveFrom: '2026-12-01', ftpEarlierRides: 48, earlierFtpWatts: null, lthrEarlierRides: 40, earlierLthrBpm: null };

  it('says a first FTP also applies to the earlier rides with power, counted for the date typed', () => {
    assert.equal(
      earlierRidesNotice(form({ ftpWatts: '250' }), none, (iso) => `[${iso}]`),
      'Your first FTP also applies to your 48 earlier rides with power (before [2026-12-01]): the earliest FTP reaches back to the beginning, so their TSS and your fitness are recomputed.',
    );
    assert.match(earlierRidesNotice(form({ ftpWatts: '250' }), { ...none, ftpEarlierRides: 1 }), /your 1 earlier ride with power/);
  });

  it('names both when a first FTP and a first LTHR are typed', () => {
    assert.match(earlierRidesNotice(form({ ftpWatts: '250', lactateThresholdHeartRateBpm: '168' }), none), /^Your first FTP also applies to your 48 earlier rides with power and the LTHR to your 40 earlier rides with heart rate/);
    assert.match(earlierRidesNotice(form({ lactateThresholdHeartRateBpm: '168' }), none), /^Your first LTHR also applies to your 40 earlier rides with heart rate/);
  });

  it('says nothing when nothing earlier changes', () => {
    assert.equal(earlierRidesNotice(form({ ftpWatts: '' }), none), null, 'no FTP typed');
    assert.equal(earlierRidesNotice(form({ ftpWatts: 'abc' }), none), null, 'not a number');
    assert.equal(earlierRidesNotice(form({ ftpWatts: '250' }), { ...none, ftpEarlierRides: null }), null, 'an earlier period gives an FTP');
    assert.equal(earlierRidesNotice(form({ ftpWatts: '250' }), { ...none, ftpEarlierRides: 0 }), null, 'no earlier rides');
    assert.equal(earlierRidesNotice(form({ ftpWatts: '250', effectiveFrom: '2026-11-01' }), none), null, 'counted for another date');
    assert.equal(earlierRidesNotice(form({ ftpWatts: '250' }), null), null, 'not counted yet');
  });

  it('says "this FTP" when the earlier rides use a later first FTP now, and nothing when it is the same value', () => {
    const later = { ...none, earlierFtpWatts: 240 };
    assert.match(earlierRidesNotice(form({ ftpWatts: '250' }), later), /^This FTP also applies to your 48 earlier rides with power/);
    assert.equal(earlierRidesNotice(form({ ftpWatts: '240' }), later), null);
  });
});
