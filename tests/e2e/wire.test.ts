/** The bridge's byte encoding: Uint8Array survives a JSON round trip, nested anywhere. */
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire';

describe('wire', () => {
  it('round-trips bytes inside objects and arrays through JSON', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const value = { ok: true, value: { files: [{ name: '营业执照.jpg', data: bytes }], n: 3, none: null } };
    const back = decodeWire(JSON.parse(JSON.stringify(encodeWire(value)))) as typeof value;
    expect(back.value.files[0].data).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.value.files[0].data)).toEqual(Array.from(bytes));
    expect(back.value.files[0].name).toBe('营业执照.jpg');
    expect(back.value.n).toBe(3);
    expect(back.value.none).toBeNull();
  });

  it('leaves objects that merely look tagged alone', () => {
    const value = { __matprepBytes: 'AAEC', other: 1 };
    expect(decodeWire(value)).toEqual(value);
  });
});
