/**
 * The provinces as the rule packs' `province` selects list them (short names, the 管局 that
 * reviews), and the short name of what people type (上海市, 广东省, 广西壮族自治区).
 */
export const PROVINCES = [
  '北京',
  '天津',
  '河北',
  '山西',
  '内蒙古',
  '辽宁',
  '吉林',
  '黑龙江',
  '上海',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '重庆',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
] as const;

const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

/** 上海市 → 上海; a name that is no province is returned trimmed, for the check to report. */
export function provinceName(raw: string): string {
  const text = raw.trim();
  const short = text.replace(SUFFIX, '');
  return (PROVINCES as readonly string[]).includes(short) ? short : text;
}
