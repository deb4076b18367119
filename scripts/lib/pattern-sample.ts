/**
 * The shortest plain string a regular expression of a schema's `pattern` matches, built without
 * randomness: the first alternative of each choice, the least repetitions each quantifier allows,
 * the first character of each class (for a negated class, the first of a few ordinary characters
 * it allows). Lookarounds are left out while building, then the whole pattern checks the result.
 *
 * It reads the syntax that OpenAPI patterns use (ECMA-262): literals and escapes, `.`, classes,
 * groups, alternation, anchors and quantifiers. Back-references are refused with an error.
 */

const CANDIDATES = ['a', '0', 'x', '1', '_', '-', 'A', 'z'];
const CLASS_ESCAPES: Record<string, string> = { d: '0', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

class PatternReader {
  private index = 0;
  constructor(private readonly pattern: string) {}

  /** The string for the whole pattern. */
  read(): string {
    const value = this.alternation();
    if (this.index < this.pattern.length) this.fail(`unexpected "${this.pattern[this.index]}"`);
    return value;
  }

  private fail(problem: string): never {
    throw new Error(`cannot build a string for the pattern ${JSON.stringify(this.pattern)}: ${problem}`);
  }

  private peek(): string | undefined {
    return this.pattern[this.index];
  }

  private alternation(): string {
    const first = this.sequence();
    while (this.peek() === '|') {
      this.index++;
      this.sequence();
    }
    return first;
  }

  private sequence(): string {
    let value = '';
    while (this.index < this.pattern.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      value += atom.repeat(this.quantifier());
    }
    return value;
  }

  /** The least repetitions the quantifier after an atom allows (1 when there is none). */
  private quantifier(): number {
    const next = this.peek();
    let count = 1;
    if (next === '*' || next === '?') {
      this.index++;
      count = 0;
    } else if (next === '+') this.index++;
    else if (next === '{') {
      const match = /^\{(\d+)(,\d*)?\}/.exec(this.pattern.slice(this.index));
      if (!match) return 1;
      this.index += match[0].length;
      count = Number(match[1]);
    } else return 1;
    if (this.peek() === '?') this.index++;
    return count;
  }

  private atom(): string {
    const char = this.pattern[this.index++] as string;
    switch (char) {
      case '^':
      case '$':
        return '';
      case '.':
        return 'a';
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape(false);
      default:
        return char;
    }
  }

  private group(): string {
    let lookaround = false;
    if (this.peek() === '?') {
      const kind = this.pattern.slice(this.index, this.index + 3);
      if (kind.startsWith('?:')) this.index += 2;
      else if (kind.startsWith('?=') || kind.startsWith('?!')) {
        this.index += 2;
        lookaround = true;
      } else if (kind === '?<=' || kind === '?<!') {
        this.index += 3;
        lookaround = true;
      } else if (kind.startsWith('?<')) this.index = this.pattern.indexOf('>', this.index) + 1;
      else this.fail(`unknown group "(${kind}"`);
    }
    const value = this.alternation();
    if (this.pattern[this.index++] !== ')') this.fail('a group is not closed');
    return lookaround ? '' : value;
  }

  private escape(inClass: boolean): string {
    const char = this.pattern[this.index++];
    if (char === undefined) this.fail('it ends with a backslash');
    if (char in CLASS_ESCAPES) return CLASS_ESCAPES[char] as string;
    if (char in CONTROL_ESCAPES) return CONTROL_ESCAPES[char] as string;
    if (!inClass && /[1-9]/.test(char)) this.fail('back-references are not supported');
    if (char === 'b' || char === 'B') return inClass ? '\b' : '';
    if (char === 'u' || char === 'x') {
      const hex = char === 'x' ? 2 : 4;
      const code = this.pattern.slice(this.index, this.index + hex);
      this.index += hex;
      return String.fromCharCode(Number.parseInt(code, 16));
    }
    return char;
  }

  /** The first character a class allows: its first member, or for `[^…]` an ordinary character outside it. */
  private characterClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.index++;
    const start = this.index - (negated ? 2 : 1);
    let first: string | undefined;
    while (this.peek() !== ']') {
      if (this.index >= this.pattern.length) this.fail('a character class is not closed');
      const char = this.pattern[this.index++] as string;
      const member = char === '\\' ? this.escape(true) : char;
      first ??= member;
    }
    this.index++;
    if (!negated) return first ?? this.fail('an empty character class matches nothing');
    const excluded = new RegExp(this.pattern.slice(start, this.index), 'u');
    return CANDIDATES.find((candidate) => excluded.test(candidate)) ?? this.fail('no ordinary character fits a class');
  }
}

/**
 * The shortest plain string that matches `pattern` (see the file's comment). Throws an Error
 * naming the pattern when it cannot build one, or when what it built does not match.
 */
export function sampleFromPattern(pattern: string): string {
  const value = new PatternReader(pattern).read();
  if (!new RegExp(pattern, 'u').test(value))
    throw new Error(
      `cannot build a string for the pattern ${JSON.stringify(pattern)}: ${JSON.stringify(value)} does not match`,
    );
  return value;
}
