/**
 * A client-side syntax check for decision conditions, so an admin sees a typo as they type. The server
 * validates semantics (known fields, types); this only checks that the text forms an expression:
 *   expr   := or
 *   or     := and ( ('||' | 'or') and )*
 *   and    := not ( ('&&' | 'and') not )*
 *   not    := ('!' | 'not') not | cmp
 *   cmp    := sum ( ('=='|'!='|'>='|'<='|'>'|'<'|'in'|'contains') sum )?
 *   sum    := term ( ('+'|'-') term )*
 *   term   := unary ( ('*'|'/'|'%') unary )*
 *   unary  := '-' unary | primary
 *   primary:= number | string | true | false | null | path | '(' expr ')' | '[' list ']'
 *   path   := ident ( '.' ident | '[' expr ']' )* ( '(' args ')' )?
 */

export interface ConditionError {
  message: string;
  position: number;
}

type TokenKind = 'num' | 'str' | 'ident' | 'op' | 'punct' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const OPERATORS = ['==', '!=', '>=', '<=', '&&', '||', '>', '<', '!', '+', '-', '*', '/', '%'];
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'in', 'contains']);
const COMPARISONS = new Set(['==', '!=', '>=', '<=', '>', '<', 'in', 'contains']);

function tokenize(text: string): Token[] | ConditionError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'num', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return { message: 'unterminated string', position: i };
      tokens.push({ kind: 'str', text: text.slice(i, j + 1), pos: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i))!;
      const word = m[0];
      tokens.push({ kind: WORD_OPERATORS.has(word.toLowerCase()) ? 'op' : 'ident', text: word, pos: i });
      i += word.length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    if ('().,[]'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '=') return { message: "use '==' to compare", position: i };
    return { message: `unexpected character '${c}'`, position: i };
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    this.or();
    const t = this.peek();
    if (t.kind !== 'end') throw this.error(`unexpected '${t.text}'`, t);
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }
  private next(): Token {
    return this.tokens[this.at++]!;
  }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text.toLowerCase());
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }
  private expect(p: string): void {
    if (!this.isPunct(p)) throw this.error(`expected '${p}'`, this.peek());
    this.next();
  }
  private error(message: string, t: Token): ConditionError {
    return { message: t.kind === 'end' ? `${message} at the end` : message, position: t.pos };
  }

  private or(): void {
    this.and();
    while (this.isOp('||', 'or')) {
      this.next();
      this.and();
    }
  }
  private and(): void {
    this.not();
    while (this.isOp('&&', 'and')) {
      this.next();
      this.not();
    }
  }
  private not(): void {
    if (this.isOp('!', 'not')) {
      this.next();
      this.not();
      return;
    }
    this.cmp();
  }
  private cmp(): void {
    this.sum();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text.toLowerCase())) {
      this.next();
      this.sum();
      const again = this.peek();
      if (again.kind === 'op' && COMPARISONS.has(again.text.toLowerCase()))
        throw this.error('chained comparison: join with && instead', again);
    }
  }
  private sum(): void {
    this.term();
    while (this.isOp('+', '-')) {
      this.next();
      this.term();
    }
  }
  private term(): void {
    this.unary();
    while (this.isOp('*', '/', '%')) {
      this.next();
      this.unary();
    }
  }
  private unary(): void {
    if (this.isOp('-')) {
      this.next();
      this.unary();
      return;
    }
    this.primary();
  }
  private primary(): void {
    const t = this.next();
    if (t.kind === 'num' || t.kind === 'str') return;
    if (t.kind === 'ident') {
      this.pathRest();
      return;
    }
    if (t.kind === 'punct' && t.text === '(') {
      this.or();
      this.expect(')');
      return;
    }
    if (t.kind === 'punct' && t.text === '[') {
      this.list(']');
      return;
    }
    throw this.error(t.kind === 'end' ? 'expression expected' : `unexpected '${t.text}'`, t);
  }
  private pathRest(): void {
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const name = this.next();
        if (name.kind !== 'ident') throw this.error('field name expected after "."', name);
      } else if (this.isPunct('[')) {
        this.next();
        this.or();
        this.expect(']');
      } else if (this.isPunct('(')) {
        this.next();
        this.list(')');
      } else return;
    }
  }
  private list(close: string): void {
    if (this.isPunct(close)) {
      this.next();
      return;
    }
    this.or();
    while (this.isPunct(',')) {
      this.next();
      this.or();
    }
    this.expect(close);
  }
}

/** Returns null when the condition is syntactically fine, else the first problem. */
export function checkCondition(text: string | undefined): ConditionError | null {
  if (!text || !text.trim()) return { message: 'a condition is required', position: 0 };
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return tokens;
  try {
    new Parser(tokens).parse();
    return null;
  } catch (e) {
    if (e && typeof e === 'object' && 'position' in e) return e as ConditionError;
    throw e;
  }
}
