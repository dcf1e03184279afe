import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  distanceIn, elevationIn, formatBytes, formatClock, formatDistance, formatElevation, formatGrade, formatSpeed, parseUnits, speedIn,
} from '../lib/format/units.mjs';

describe('unit conversion', () => {
  it('converts a marathon distance', () => {
    assert.equal(distanceIn(42_195, 'metric'), 42.195);
    assert.ok(Math.abs(distanceIn(42_195, 'imperial') - 26.2188) < 1e-4); // 42.195 km is 26.219 mi
  });
  it('converts elevation to feet', () => {
    assert.ok(Math.abs(elevationIn(1000, 'imperial') - 3280.84) < 0.01);
    assert.equal(elevationIn(1000, 'metric'), 1000);
  });
  it('converts 10 m/s to 36 km/h and 22.37 mph', () => {
    assert.ok(Math.abs(speedIn(10, 'metric') - 36) < 1e-9);
    assert.ok(Math.abs(speedIn(10, 'imperial') - 22.369) < 1e-3);
  });
  it('reads anything but imperial as metric', () => {
    assert.equal(parseUnits('imperial'), 'imperial');
    assert.equal(parseUnits(null), 'metric');
    assert.equal(parseUnits('furlongs'), 'metric');
  });
});

describe('formatting', () => {
  it('formats distance, elevation and speed in the chosen units', () => {
    assert.equal(formatDistance(32_500, 'metric'), '32.5 km');
    assert.equal(formatDistance(1609.344 * 10, 'imperial'), '10.0 mi');
    assert.equal(formatElevation(1234.4, 'metric'), '1,234 m');
    assert.equal(formatElevation(304.8, 'imperial'), '1,000 ft');
    assert.equal(formatSpeed(8.3333, 'metric'), '30.0 km/h');
  });
  it('shows a dash for unknown values', () => {
    assert.equal(formatDistance(null, 'metric'), '–');
    assert.equal(formatSpeed(undefined, 'imperial'), '–');
    assert.equal(formatElevation(Number.NaN, 'metric'), '–');
  });
  it('formats grades with sign', () => {
    assert.equal(formatGrade(6.44), '+6.4 %');
    assert.equal(formatGrade(-3), '−3.0 %');
    assert.equal(formatGrade(0.01), '0.0 %');
  });
  it('formats clock times', () => {
    assert.equal(formatClock(5 * 3600 + 7), '5:00:07');
    assert.equal(formatClock(59), '0:59');
    assert.equal(formatClock(3599.6), '1:00:00');
  });
  it('formats byte sizes', () => {
    assert.equal(formatBytes(900), '900 B');
    assert.equal(formatBytes(640 * 1024), '640 KB');
    assert.equal(formatBytes(12.34 * 1024 * 1024), '12.3 MB');
  });
});
