/**
 * How values cross the Playwright binding. The binding carries JSON, and Uint8Array does not
 * survive JSON, so bytes travel as `{ __matprepBytes: base64 }` both ways. The same two functions
 * run in Node (harness) and in the page (init script, via their source text), so they use only
 * what both have (atob/btoa) and no closures or imports.
 */
export function encodeWire(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    const chunk = 0x8000;
    for (let i = 0; i < value.length; i += chunk) {
      binary += String.fromCharCode.apply(null, Array.from(value.subarray(i, i + chunk)));
    }
    return { __matprepBytes: btoa(binary) };
  }
  if (Array.isArray(value)) return value.map((item) => encodeWire(item));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = encodeWire(item);
    return out;
  }
  return value;
}

export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeWire(item));
  if (value !== null && typeof value === 'object') {
    const bytes = (value as { __matprepBytes?: unknown }).__matprepBytes;
    if (typeof bytes === 'string' && Object.keys(value).length === 1) {
      const binary = atob(bytes);
      const out = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = decodeWire(item);
    return out;
  }
  return value;
}

/**
 * The page's `window.matprep`: one method per channel, each forwarding to the exposed binding
 * `__matprepInvoke` — the test-side stand-in for the preload.
 */
export function bridgeScript(channels: readonly string[]): string {
  return `(() => {
    const encodeWire = ${encodeWire.toString()};
    const decodeWire = ${decodeWire.toString()};
    const api = {};
    for (const channel of ${JSON.stringify(channels)}) {
      api[channel] = async (request) => decodeWire(await window.__matprepInvoke(channel, encodeWire(request ?? {})));
    }
    Object.defineProperty(window, 'matprep', { value: Object.freeze(api), enumerable: false, configurable: false, writable: false });
  })();`;
}
