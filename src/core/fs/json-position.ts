/**
 * Where a JSON text first goes wrong, as line and column. JSON.parse's message quotes the start of
 * the text ("Unexpected token 's', "{"a": secret…" is not valid JSON"), which would put the content
 * of a file — or of whatever a link pointed at — into an error shown and logged; the position says
 * where to look without repeating anything. An explicit stack, so deep nesting cannot overflow.
 */
const WS = new Set([' ', '\t', '\n', '\r']);
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** Offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const skip = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  /** A key and its colon; false on error. */
  const key = (): boolean => {
    skip();
    if (!match(STRING)) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  for (;;) {
    // A value is expected at i.
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        if (c === '{' && !key()) return i;
        continue;
      }
    } else if (!(match(STRING) || match(NUMBER) || match(LITERAL))) {
      return i;
    }
    // After a value: a separator, a closing bracket, or the end.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : -1;
      if (text[i] === ',') {
        i++;
        if (top === '{' && !key()) return i;
        break;
      }
      if (text[i] !== (top === '{' ? '}' : ']')) return i;
      stack.pop();
      i++;
    }
  }
}

/** 1-based line and column of the first syntax error (of the end, if none). */
export function jsonErrorPosition(text: string): { line: number; column: number } {
  const offset = jsonErrorOffset(text);
  const upTo = text.slice(0, offset < 0 ? text.length : offset);
  const lines = upTo.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
