/**
 * A one-tile PMTiles v3 archive written from the specification
 * (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) for tests: zoom 0 only, uncompressed
 * directory and tile, and a Mapbox Vector Tile (spec 2.1) whose single layer holds one polygon covering the
 * whole tile. Maplibre over-zooms it, so at any zoom the map shows that layer's fill everywhere.
 */

function varint(value: number, out: number[]): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function zigzag(n: number): number {
  return (n << 1) ^ (n >> 31);
}

/** A protobuf field: key (field number, wire type) then the payload. */
function field(number: number, wireType: 0 | 2, payload: number | number[], out: number[]): void {
  varint((number << 3) | wireType, out);
  if (wireType === 0) varint(payload as number, out);
  else {
    varint((payload as number[]).length, out);
    out.push(...(payload as number[]));
  }
}

/** One vector tile with layer `layer` holding one polygon over the full 4096-unit extent. */
export function fullTilePolygonMvt(layer: string): Uint8Array {
  // MoveTo(0,0) LineTo(+4096,0)(0,+4096)(-4096,0) ClosePath: positive surveyor's area = exterior ring.
  const geometry: number[] = [];
  for (const v of [
    (1 & 7) | (1 << 3),
    zigzag(0),
    zigzag(0),
    (2 & 7) | (3 << 3),
    zigzag(4096),
    zigzag(0),
    zigzag(0),
    zigzag(4096),
    zigzag(-4096),
    zigzag(0),
    (7 & 7) | (1 << 3),
  ])
    varint(v, geometry);
  const feature: number[] = [];
  field(1, 0, 1, feature);
  field(3, 0, 3, feature);
  field(4, 2, geometry, feature);
  const layerBytes: number[] = [];
  field(15, 0, 2, layerBytes);
  field(1, 2, [...new TextEncoder().encode(layer)], layerBytes);
  field(2, 2, feature, layerBytes);
  field(5, 0, 4096, layerBytes);
  const tile: number[] = [];
  field(3, 2, layerBytes, tile);
  return new Uint8Array(tile);
}

/**
 * A PMTiles v3 archive with `tile` at z0/x0/y0 (tile type 1 = MVT, 2 = PNG), covering `bounds`
 * [west, south, east, north], with `metadata` as its JSON metadata.
 */
export function singleTilePmtiles(
  tile: Uint8Array,
  tileType: 1 | 2,
  metadata: object,
  bounds: [number, number, number, number] = [-180, -85, 180, 85],
): Uint8Array {
  // Root directory: one entry, tile id 0, run length 1, the tile's length, offset 0 (written as offset + 1).
  const directory: number[] = [];
  for (const v of [1, 0, 1, tile.length, 1]) varint(v, directory);
  const json = new TextEncoder().encode(JSON.stringify(metadata));
  const headerLength = 127;
  const rootOffset = headerLength;
  const metadataOffset = rootOffset + directory.length;
  const tileOffset = metadataOffset + json.length;
  const bytes = new Uint8Array(tileOffset + tile.length);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, json.length);
  u64(40, tileOffset); // no leaf directories
  u64(48, 0);
  u64(56, tileOffset);
  u64(64, tile.length);
  u64(72, 1); // addressed tiles
  u64(80, 1); // tile entries
  u64(88, 1); // tile contents
  view.setUint8(96, 1); // clustered
  view.setUint8(97, 1); // internal compression: none
  view.setUint8(98, 1); // tile compression: none
  view.setUint8(99, tileType);
  view.setUint8(100, 0); // min zoom
  view.setUint8(101, 0); // max zoom
  const e7 = (at: number, v: number) => view.setInt32(at, Math.round(v * 1e7), true);
  e7(102, bounds[0]);
  e7(106, bounds[1]);
  e7(110, bounds[2]);
  e7(114, bounds[3]);
  view.setUint8(118, 0);
  e7(119, (bounds[0] + bounds[2]) / 2);
  e7(123, (bounds[1] + bounds[3]) / 2);
  bytes.set(directory, rootOffset);
  bytes.set(json, metadataOffset);
  bytes.set(tile, tileOffset);
  return bytes;
}
