/**
 * A minimal reader of PDF content streams: the operators in order with their number and name
 * operands, enough to follow the graphics state and see what a page paints (`scanned.ts`). It never
 * builds strings, arrays or dictionaries: those operands are read past and stand as `null`. An
 * inline image (BI) ends the walk, since its binary data cannot be read past without its dictionary.
 */

export type Operand = number | { name: string } | null;

export interface Operation {
  operator: string;
  operands: Operand[];
}

const SPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
/** ( ) < > [ ] { } / % */
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** The operations in `bytes`, in order; at most `limit` of them (a hostile stream gets no further). */
export function* operations(bytes: Uint8Array, limit = 100_000): Generator<Operation> {
  const n = bytes.length;
  let operands: Operand[] = [];
  let count = 0;
  let i = 0;
  const regular = (from: number) => {
    let end = from;
    while (end < n && !SPACE.has(bytes[end]) && !DELIMITER.has(bytes[end])) end++;
    return end;
  };
  while (i < n) {
    const c = bytes[i];
    if (SPACE.has(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      i = afterString(bytes, i);
      operands.push(null);
    } else if (c === 0x3c && bytes[i + 1] !== 0x3c) {
      while (i < n && bytes[i] !== 0x3e) i++;
      i++;
      operands.push(null);
    } else if (c === 0x2f) {
      const end = regular(i + 1);
      operands.push({ name: latin1(bytes, i + 1, end) });
      i = end;
    } else if (DELIMITER.has(c)) {
      // << >> [ ] { }: the parts of a dictionary or array are read as operands of their own.
      i += (c === 0x3c || c === 0x3e) && bytes[i + 1] === c ? 2 : 1;
      operands.push(null);
    } else {
      const end = regular(i);
      const token = latin1(bytes, i, end);
      i = end;
      if (NUMBER.test(token)) {
        operands.push(Number(token));
        continue;
      }
      if (++count > limit) return;
      yield { operator: token, operands };
      if (token === 'BI') return;
      operands = [];
    }
  }
}

/** The index after the literal string starting at `start` (balanced parentheses, backslash escapes). */
function afterString(bytes: Uint8Array, start: number): number {
  let depth = 0;
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x5c) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return bytes.length;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
