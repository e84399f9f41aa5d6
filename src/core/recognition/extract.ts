/**
 * Text lines → fields, per document kind: pure (no engine), so it is tested on lines alone. Codes are
 * taken only when their standard's checks pass; dates only when they exist; names carry a capped
 * confidence because nothing can check them.
 */
import { findIdNumber, findUscc, idNumberFacts, type CodeReading } from './codes';
import { LabelledLines, type Located } from './layout';
import { datesIn, leadingHan, termIn } from './text';
import {
  UNCHECKED_CAP,
  type Confidence,
  type DocumentKind,
  type OcrLine,
  type ReadFields,
} from '../model/recognition/types';

const LICENCE = {
  uscc: ['统一社会信用代码'],
  name: ['名称'],
  type: ['类型'],
  person: ['法定代表人', '执行事务合伙人', '负责人', '经营者', '投资人'],
  address: ['主要经营场所', '经营场所', '营业场所', '住所'],
  established: ['成立日期', '注册日期'],
  term: ['营业期限', '经营期限', '合伙期限'],
  authority: ['登记机关'],
  other: ['经营范围', '注册资本', '出资额', '组成形式', '出资总额'],
} as const;
const ID_FRONT = {
  name: ['姓名'],
  sex: ['性别'],
  ethnicity: ['民族'],
  birth: ['出生'],
  address: ['住址'],
  idNumber: ['公民身份号码'],
} as const;
const ID_BACK = { authority: ['签发机关'], term: ['有效期限'] } as const;

const LABELS: Record<DocumentKind, readonly string[]> = {
  'business-licence': Object.values(LICENCE).flat(),
  'id-card-front': Object.values(ID_FRONT).flat(),
  'id-card-back': Object.values(ID_BACK).flat(),
};
/** How many different labels make the lines this kind of document (one could be a stray match). */
const ENOUGH_LABELS: Record<DocumentKind, number> = { 'business-licence': 3, 'id-card-front': 2, 'id-card-back': 1 };

export interface Extraction {
  fields: ReadFields;
  confidence: Confidence;
  /** Whether the lines carry this document's labels (false: try another rotation, or the wrong kind). */
  recognised: boolean;
}

class Collector {
  readonly fields: ReadFields = {};
  readonly confidence: Confidence = {};
  set<K extends keyof ReadFields>(key: K, value: string | undefined, confidence: number): void {
    if (!value) return;
    this.fields[key] = value;
    this.confidence[key] = Math.round(confidence * 1000) / 1000;
  }
}

/** A code's confidence: its line's, somewhat less when it needed a repair. */
const codeConfidence = (line: number, code: CodeReading) => line * (code.repaired ? 0.9 : 1);

/** The first whitespace-separated word of a value: a neighbouring column's text often joins the line. */
const firstWord = (text: string) => text.split(' ')[0].replace(/[,，。;；、]+$/, '');

/**
 * A licence's 类型: its first word and the bracketed qualifier after it, which the engine often reads
 * with a space before it, half-width, or without its closing bracket ("有限责任公司 (自然人独资" →
 * "有限责任公司（自然人独资）"). The licence prints the brackets full-width, and so do filing forms.
 */
export function licenceType(text: string): string {
  const match = /^([^\s（(]+)\s*(?:[（(]([^）)]*)([）)])?)?/.exec(text.trim());
  if (!match?.[1]) return firstWord(text);
  // Without its closing bracket the qualifier ends at the first gap: what follows is the next column's.
  const qualifier = (match[3] ? match[2] : match[2]?.trimStart().split(/\s/)[0])?.replace(/\s+/g, '');
  return qualifier ? `${match[1]}（${qualifier}）` : match[1];
}

/** A code next to its label, else anywhere in the lines. */
function code(
  lines: LabelledLines,
  labels: readonly string[],
  find: (text: string) => CodeReading | undefined,
): { code: CodeReading; confidence: number } | undefined {
  const near = lines.valueOf(labels);
  const atLabel = near && find(near.text);
  if (near && atLabel) return { code: atLabel, confidence: codeConfidence(near.confidence, atLabel) };
  for (const [i, text] of lines.texts.entries()) {
    const found = find(text);
    if (found) return { code: found, confidence: codeConfidence(lines.lines[i].confidence, found) };
  }
  return undefined;
}

/** A person's name: Han characters (a middle dot allowed), 2–15 of them. */
function personName(located: Located | undefined): string | undefined {
  const name = located && leadingHan(located.text);
  return name && name.length >= 2 && name.length <= 15 ? name : undefined;
}

function licence(lines: LabelledLines, out: Collector): void {
  const uscc = code(lines, LICENCE.uscc, findUscc);
  if (uscc) out.set('uscc', uscc.code.value, uscc.confidence);
  const name = lines.valueOf(LICENCE.name);
  const company = name && firstWord(name.text);
  // A name that does not end like an organisation's is likely cut or joined: not to be trusted.
  const plausible = company && /(公司|厂|店|社|部|中心|所|院|行|馆|场|站|合伙\)|合伙）|\))$/.test(company);
  if (company) out.set('name', company, Math.min(name.confidence, plausible ? UNCHECKED_CAP : 0.6));
  const type = lines.valueOf(LICENCE.type);
  if (type) out.set('type', licenceType(type.text), Math.min(type.confidence, UNCHECKED_CAP));
  const personLine = lines.valueOf(LICENCE.person);
  const person = personName(personLine);
  if (person && personLine) out.set('legalRepresentative', person, Math.min(personLine.confidence, UNCHECKED_CAP));
  const address = lines.valueOf(LICENCE.address);
  if (address) out.set('address', firstWord(address.text), Math.min(address.confidence, UNCHECKED_CAP));
  const establishedLine = lines.valueOf(LICENCE.established);
  const established = establishedLine && datesIn(establishedLine.text)[0];
  const termLine = lines.valueOf(LICENCE.term);
  const term = termLine ? termIn(termLine.text) : {};
  // Two readings of the same day (成立日期 and the term's start) that agree back each other up.
  const agreed = established !== undefined && established === term.from;
  if (established && establishedLine) {
    out.set('establishedOn', established, Math.min(establishedLine.confidence, agreed ? 1 : UNCHECKED_CAP));
  }
  if (termLine && term.from) out.set('validFrom', term.from, Math.min(termLine.confidence, agreed ? 1 : UNCHECKED_CAP));
  const ordered = term.until === '长期' || (term.from && term.until && term.until > term.from);
  if (termLine && term.until && ordered) {
    out.set('validUntil', term.until, Math.min(termLine.confidence, term.until === '长期' ? 1 : UNCHECKED_CAP));
  }
  const authority = lines.valueOf(LICENCE.authority);
  const authorityName = authority && leadingHan(authority.text);
  if (authority && authorityName && /(局|委员会|厅)$/.test(authorityName)) {
    out.set('authority', authorityName, Math.min(authority.confidence, UNCHECKED_CAP));
  }
}

function idFront(lines: LabelledLines, today: string, out: Collector): void {
  const nameLine = lines.valueOf(ID_FRONT.name);
  const name = personName(nameLine);
  if (name && nameLine) out.set('name', name, Math.min(nameLine.confidence, UNCHECKED_CAP));
  const id = code(lines, ID_FRONT.idNumber, (text) => findIdNumber(text, today));
  const birthLine = lines.valueOf(ID_FRONT.birth);
  const printedBirth = birthLine && datesIn(birthLine.text)[0];
  const printedSex = /[男女]/.exec(lines.valueOf(ID_FRONT.sex)?.text ?? '')?.[0];
  if (!id) {
    if (printedBirth) out.set('birth', printedBirth, Math.min(birthLine.confidence, UNCHECKED_CAP));
    if (printedSex) out.set('sex', printedSex, UNCHECKED_CAP);
    return;
  }
  const facts = idNumberFacts(id.code.value);
  // The number encodes 出生 and 性别: a printed value that disagrees means one of them was misread.
  const disagrees = (printedBirth && printedBirth !== facts.birth) || (printedSex && printedSex !== facts.sex);
  const confidence = id.confidence * (disagrees ? 0.7 : 1);
  out.set('idNumber', id.code.value, confidence);
  out.set('birth', facts.birth, confidence);
  out.set('sex', facts.sex, confidence);
}

/** 身份证 terms run 5, 10 or 20 years to the day (GB 11643 / 居民身份证法 第五条), or are 长期. */
function standardTerm(from: string, until: string): boolean {
  if (until === '长期') return true;
  const years = Number(until.slice(0, 4)) - Number(from.slice(0, 4));
  return [5, 10, 20].includes(years) && until.slice(4) === from.slice(4);
}

function idBack(lines: LabelledLines, out: Collector): void {
  const authority = lines.valueOf(ID_BACK.authority);
  const name = authority && leadingHan(firstWord(authority.text));
  if (authority && name && name.length >= 3) {
    out.set('authority', name, Math.min(authority.confidence, /(局|分局|公安厅)$/.test(name) ? UNCHECKED_CAP : 0.6));
  }
  const termLine = lines.valueOf(ID_BACK.term);
  const term = termLine ? termIn(termLine.text) : {};
  if (!termLine || !term.from) return;
  const standard = term.until !== undefined && standardTerm(term.from, term.until);
  // A term of the standard length is two readings that agree; anything else is a doubt on both ends.
  const confidence = Math.min(termLine.confidence, standard ? 1 : 0.6);
  out.set('validFrom', term.from, confidence);
  out.set('validUntil', term.until, confidence);
}

/** The fields of a `kind` document in `lines`; `today` bounds the birth dates ID numbers may carry. */
export function extractFields(kind: DocumentKind, lines: OcrLine[], today: string): Extraction {
  const labelled = new LabelledLines(lines, LABELS[kind]);
  const out = new Collector();
  const recognised = labelled.found().size >= ENOUGH_LABELS[kind];
  if (kind === 'business-licence') licence(labelled, out);
  else if (kind === 'id-card-front') idFront(labelled, today, out);
  else idBack(labelled, out);
  return { fields: out.fields, confidence: out.confidence, recognised };
}
