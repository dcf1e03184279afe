import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { positionAt, profileByKind, streamChannels, trackPoints } from '../lib/charts/chart-data.mjs';

describe('streamChannels', () => {
  const streams = {
    offsetSeconds: [0, 1, 2],
    power: [200, null, 210],
    heartRate: null,
    cadence: [null, null, null],
    speedMps: [10, 10, 5],
    altitudeMeters: [100, 100.5, 101],
  };
  it('keeps channels with data, in chart order, and drops absent or empty ones', () => {
    const { x, channels } = streamChannels(streams, 'metric');
    assert.deepEqual(x, [0, 1, 2]);
    assert.deepEqual(channels.map((c) => c.key), ['power', 'speed', 'elevation']);
  });
  it('keeps gaps as null and converts speed and elevation to the units', () => {
    const metric = streamChannels(streams, 'metric').channels;
    assert.deepEqual(metric[0].values, [200, null, 210]);
    assert.deepEqual(metric[1].values.map((v) => Math.round(v * 10) / 10), [36, 36, 18]);
    const imperial = streamChannels(streams, 'imperial').channels;
    assert.equal(imperial[1].unit, 'mph');
    assert.ok(Math.abs(imperial[2].values[0] - 328.08) < 0.01);
  });
});

describe('trackPoints and positionAt', () => {
  const track = trackPoints([null, 47.1, 47.2, 0, 47.4], [null, 8.1, 8.2, 0, 8.4]);
  it('skips points without a position (and 0,0 fixes)', () => {
    assert.deepEqual(track.points, [[47.1, 8.1], [47.2, 8.2], [47.4, 8.4]]);
    assert.deepEqual(track.indexes, [1, 2, 4]);
  });
  it('finds the last known position at or before an index', () => {
    assert.deepEqual(positionAt(track, 0), [47.1, 8.1]);
    assert.deepEqual(positionAt(track, 3), [47.2, 8.2]);
    assert.deepEqual(positionAt(track, 4), [47.4, 8.4]);
    assert.deepEqual(positionAt(track, 99), [47.4, 8.4]);
    assert.equal(positionAt(trackPoints(null, null), 5), null);
  });
});

describe('profileByKind', () => {
  const profile = [0, 500, 1000, 1500, 2000].map((d, i) => ({ distanceMeters: d, elevationMeters: 100 + i * 10, gradePercent: 2 }));
  const sections = [
    { kind: 'climb', startMeters: 1000, endMeters: 2000 },
    { kind: 'flat', startMeters: 0, endMeters: 1000 },
  ];
  it('puts each sample in the series of its section, the boundary in both', () => {
    const { x, series } = profileByKind(profile, sections, 'metric');
    assert.deepEqual(x, [0, 0.5, 1, 1.5, 2]);
    assert.deepEqual(series.map((s) => s.kind), ['climb', 'flat']);
    assert.deepEqual(series[0].values, [null, null, 120, 130, 140]);
    assert.deepEqual(series[1].values, [100, 110, 120, null, null]);
  });
  it('converts to miles and feet', () => {
    const { x, series } = profileByKind(profile, sections, 'imperial');
    assert.ok(Math.abs(x[4] - 1.2427) < 1e-4);
    assert.ok(Math.abs(series[1].values[0] - 328.08) < 0.01);
  });
});

describe('cumulativeMeters and positionAtDistance', async () => {
  const { cumulativeMeters, positionAtDistance } = await import('../lib/charts/chart-data.mjs');
  // Along the equator one degree of longitude is 111.195 km (mean Earth radius).
  const points = [[0, 0], [0, 0.5], [0, 1]];
  it('measures along the track', () => {
    const along = cumulativeMeters(points);
    assert.equal(along[0], 0);
    assert.ok(Math.abs(along[2] - 111_195) < 5, String(along[2]));
    assert.ok(Math.abs(along[1] - along[2] / 2) < 1e-6);
  });
  it('places a profile distance on the track, scaled to the route distance', () => {
    const along = cumulativeMeters(points);
    assert.deepEqual(positionAtDistance(points, along, 0, 120_000), [0, 0]);
    assert.deepEqual(positionAtDistance(points, along, 60_000, 120_000), [0, 0.5]);
    assert.deepEqual(positionAtDistance(points, along, 500_000, 120_000), [0, 1]);
    assert.equal(positionAtDistance([], [], 10, 100), null);
  });
});
