import type { Connector } from '../../src/data/connector';
import { createNodeConnector } from '../../src/data/engine-node';

let shared: Promise<Connector> | null = null;

/** One DuckDB-WASM engine per test file (engine start costs about a second). */
export function sharedEngine(): Promise<Connector> {
  shared ??= createNodeConnector();
  return shared;
}

/** UTF-8 bytes of a string. */
export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
