'use client';
// The ride or route on a Leaflet map. Tiles come from the server's TILE_URL (app/map-config: default OpenStreetMap,
// "none" = no tiles); when they cannot load the track still draws on the plain background, with a note.
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { CircleMarker, Map as LeafletMap } from 'leaflet';
import 'leaflet/dist/leaflet.css';

type MapConfig = { tileUrl: string | null; attribution: string };
let mapConfig: Promise<MapConfig> | null = null;
// Asked once per page load; without an answer the map has no tiles rather than no track.
const loadMapConfig = () =>
  (mapConfig ??= fetch('/map-config')
    .then((r) => (r.ok ? (r.json() as Promise<MapConfig>) : { tileUrl: null, attribution: '' }))
    .catch(() => ({ tileUrl: null, attribution: '' })));

// Leaflet is its own chunk; the ride page fetches it (and the tile setting) while the streams download
// (preloadLeaflet), not after.
const loadLeaflet = () => import('leaflet');
export const preloadLeaflet = () => {
  void loadLeaflet();
  void loadMapConfig();
};

export type TrackMapHandle = { moveMarker: (position: [number, number] | null) => void };

type Props = {
  points: [number, number][];
  color?: string;
  label: string;
  /** Filled with a handle that moves the cursor marker (the charts' shared cursor drives it). */
  control?: React.RefObject<TrackMapHandle | null>;
};

export default function TrackMap({ points, color = '#e4572e', label, control }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const marker = useRef<CircleMarker | null>(null);
  const [tiles, setTiles] = useState<'loading' | 'ok' | 'failed' | 'none'>('loading');

  useImperativeHandle(control, () => ({
    moveMarker(position) {
      const m = marker.current;
      if (!m) return;
      if (position) {
        m.setLatLng(position);
        m.setStyle({ opacity: 1, fillOpacity: 1 });
      } else {
        m.setStyle({ opacity: 0, fillOpacity: 0 });
      }
    },
  }));

  useEffect(() => {
    const el = element.current;
    if (!el || points.length === 0) return;
    let map: LeafletMap | null = null;
    let cancelled = false;
    void Promise.all([loadLeaflet(), loadMapConfig()]).then(([L, { tileUrl, attribution }]) => {
      if (cancelled) return;
      map = L.map(el, { zoomControl: true, attributionControl: Boolean(tileUrl) });
      setTiles(tileUrl ? 'ok' : 'none');
      if (tileUrl) {
        let failures = 0;
        L.tileLayer(tileUrl, { maxZoom: 19, attribution })
          .on('tileerror', () => {
            failures += 1;
            if (failures === 1) setTiles('failed');
          })
          .addTo(map);
      }
      const line = L.polyline(points, { color, weight: 4, opacity: 0.9 }).addTo(map);
      L.circleMarker(points[0], { radius: 6, color: '#fff', weight: 2, fillColor: '#2e7d32', fillOpacity: 1 }).bindTooltip('Start').addTo(map);
      L.circleMarker(points[points.length - 1], { radius: 6, color: '#fff', weight: 2, fillColor: '#c62828', fillOpacity: 1 })
        .bindTooltip('Finish')
        .addTo(map);
      marker.current = L.circleMarker(points[0], { radius: 7, color: '#111', weight: 2, fillColor: '#ffeb3b', opacity: 0, fillOpacity: 0 }).addTo(map);
      map.fitBounds(line.getBounds(), { padding: [20, 20] });
      el.dataset.ready = 'true';
    });
    return () => {
      cancelled = true;
      marker.current = null;
      map?.remove();
      delete el.dataset.ready;
    };
  }, [points, color]);

  if (points.length === 0) {
    return <p className="muted empty">No GPS track in this file.</p>;
  }
  return (
    <div className="map-wrap">
      <div ref={element} className="track-map" role="img" aria-label={label} data-testid="map" />
      {(tiles === 'failed' || tiles === 'none') && (
        <p className="map-note muted" data-testid="tiles-note">
          Map tiles are not available{tiles === 'none' ? ' (no tile server set)' : ''}; the track is drawn on a plain background.
        </p>
      )}
    </div>
  );
}
