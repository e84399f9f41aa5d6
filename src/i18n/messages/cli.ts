/** The command line: help, usage lines, option errors and what each command prints. */
import { defineMessages } from '../catalog/define';

const helpZh = `用法：matprep <命令> [参数]  （全局选项：--lang zh-CN|en，--rules-dir <文件夹>，--today YYYY-MM-DD）
  rules list [--json]                    列出内置和用户规则包
  rules validate <file.yaml>             校验规则文件
  rules schema                           输出规则文件的 JSON Schema
  field <类型> <值> [--json]             校验一个标识号（uscc、cn-id、mobile、email、domain …）
  init <文件夹> --rule <规则ID> [--name 名称]   新建项目
  copy <原文件夹> <新文件夹> [--name 名称] [--no-files]   复制为新项目（续期用：主体信息和仍有效的证照）
  set <文件夹> <字段ID> <值>             填写主体信息字段
  confirm <文件夹> <材料ID> <确认项> [--undo]  记录确认（例如 加盖公章）
  accept <文件夹> <材料ID> <提醒代码> [--file 文件名] [--undo]   已查看提醒，仍使用（例如 image.glare）
  add <文件夹> <材料ID> <文件>... [--part 部位] [--password 密码]   导入材料文件
  dates <文件夹> <材料ID> [--issued 日期] [--valid-until 日期|长期]   填写证件签发日期、有效期
  check <文件夹> [--json] [--today 日期] [--read]  检查材料是否齐全（齐全时退出码 0，否则 1）
  bind <文件夹> -o <输出.pdf> [选项]     装订成一个提交用 PDF
  export <文件夹> -o <输出.zip> [--json] 按材料导出单个文件
  submit <文件夹> [--packet PDF] [--date 日期] [--where 渠道] [--receipt 受理号] [--note 备注]   记录一次提交
  feedback <文件夹> <材料ID|字段ID|-> "<补正意见>" [--date 日期]   记录主管部门的补正意见
  changes <文件夹> [--since <受理号|日期>] [--json]   上次提交以来的变更（有未处理的补正意见时退出码 1）
  read <文件> --as <证件> [--json]       识别营业执照、身份证上的文字（离线）
  template <文件夹> --list [--json] | <材料ID> -o <输出.pdf|.docx>   生成已填好的模板（授权书、承诺书等）
matprep <命令> --help 显示该命令的全部选项。
退出码：0 成功；1 检查或装订未通过；2 用法或输入错误。`;

const helpEn = `Usage: matprep <command> [arguments]  (global options: --lang zh-CN|en, --rules-dir <folder>, --today YYYY-MM-DD)
  rules list [--json]                    list built-in and user rule packs
  rules validate <file.yaml>             validate a rule file
  rules schema                           print the rule-file JSON Schema
  field <type> <value> [--json]          validate one identifier (uscc, cn-id, mobile, email, domain …)
  init <dir> --rule <ruleId> [--name N]  create a project
  copy <from> <to> [--name N] [--no-files]   copy as a new project (renewal: subject and still-valid documents)
  set <dir> <fieldId> <value>            set a subject field
  confirm <dir> <materialId> <what> [--undo]   record a confirmation (e.g. 加盖公章)
  accept <dir> <materialId> <code> [--file F] [--undo]   accept a warning as it is (e.g. image.glare)
  add <dir> <materialId> <file>... [--part P] [--password PW]   import material files
  dates <dir> <materialId> [--issued D] [--valid-until D|长期]     issue and expiry dates of a document
  check <dir> [--json] [--today D] [--read]   check completeness (exit 0 complete, 1 incomplete)
  bind <dir> -o <out.pdf> [options]      bind one submission PDF
  export <dir> -o <out.zip> [--json]     export one file per material
  submit <dir> [--packet PDF] [--date D] [--where W] [--receipt NO] [--note N]   record a submission
  feedback <dir> <materialId|fieldId|-> "<request>" [--date D]   record a request (补正意见)
  changes <dir> [--since <receipt|date>] [--json]   changes since the last submission (exit 1 while a request is open)
  read <file> --as <document> [--json]   read a business licence or ID card (offline)
  template <dir> --list [--json] | <materialId> -o <out.pdf|.docx>   pre-filled templates (授权书, 承诺书 …)
matprep <command> --help shows all options of that command.
Exit codes: 0 success; 1 the check or bind said no; 2 usage or input error.`;

export const cliMessages = defineMessages({
  'zh-CN': {
    'cli.bind.usage':
      '用法：matprep bind <项目文件夹> -o <输出.pdf> [--preset online|print] [--dpi N] [--jpeg-quality N] [--duplex] [--dividers] [--watermark|--no-watermark] [--header] [--binding-margin] [--number-front-matter|--no-number-front-matter] [--landscape keep|rotate] [--source-outlines keep|drop] [--forms flatten|keep] [--appendix <材料ID,...>] [--changes-page] [--allow-incomplete] [--deterministic] [--password <文件名>=<密码>] [--correction-list <补正清单.pdf>] [--json]',
    // `bind --help` prints these under the usage line. Not given, an option keeps the project's choice (set in the app).
    'cli.bind.options': `选项（不写的选项沿用项目在程序中保存的设置）：
  --preset online|print         用途：网上提交（图片压缩，无分隔页和空白页）/ 打印成册（双面、装订线、分隔页、横向页转纵向）；其他选项在其上调整
  --dpi N                       图片分辨率，72–600（默认 200）
  --jpeg-quality N              图片质量，30–100（默认 85；小一些文件更小）
  --duplex                      双面打印：每份材料从奇数页开始
  --dividers                    每份材料前加分隔页
  --watermark / --no-watermark  给要求加水印的材料（如身份证）加 / 不加水印
  --header                      页眉显示申请单位名称
  --binding-margin              左侧留装订线（约 25 毫米）
  --number-front-matter / --no-number-front-matter
                                封面和目录也编页码 / 页码从第一份材料开始
  --landscape keep|rotate       横向页面：保持横向（默认）/ 旋转为纵向
  --source-outlines keep|drop   原文件自带的书签：保留（默认）/ 不保留
  --forms flatten|keep          PDF 表单：压平，打印效果一致（默认）/ 保留可填写
  --appendix <材料ID,...>       这些材料放在最后，作为附录
  --changes-page                目录后加一页补正说明（上次提交以来的变更，逐条对应补正意见）
  --allow-incomplete            材料不完整也装订（草稿）
  --deterministic               相同输入生成完全相同的文件（日期取 --today）
  --password <文件名>=<密码>    加密 PDF 的打开密码
  --correction-list <文件.pdf>  拒绝装订时写出补正清单
  --json                        以 JSON 输出结果`,
    'cli.export.usage': '用法：matprep export <项目文件夹> -o <输出.zip> [--json]',
    'cli.bind.written': '已生成 {output}：{pages} 页，{size}',
    'cli.help': helpZh,
    'cli.unknownCommand': '没有命令“{name}”。运行 matprep --help 查看可用命令。',
    'cli.badArgs': '参数有误：{detail}',
    'cli.unknownOption': '没有选项“{option}”。',
    'cli.optionValue': '选项“{option}”后面要跟一个值。',
    'cli.unexpectedArgument': '多了参数“{argument}”。',
    'cli.badLang': '不支持的语言“{lang}”，请使用 zh-CN 或 en。',
    'cli.usage.init': '用法：matprep init <文件夹> --rule <规则ID> [--name 名称]',
    'cli.usage.set': '用法：matprep set <文件夹> <字段ID> <值>',
    'cli.usage.confirm': '用法：matprep confirm <文件夹> <材料ID> <确认项> [--undo]',
    'cli.usage.add': '用法：matprep add <文件夹> <材料ID> <文件>... [--part 部位] [--password 密码]',
    'cli.initDone': '已创建项目：{dir}（{title}）',
    'cli.fieldSet': '已保存“{field}”。',
    'cli.fieldInvalid': '{reason}（“{field}”已保存；改正后请再运行一次 matprep set。）',
    'cli.confirmed': '已确认：{material} — {what}',
    'cli.unconfirmed': '已取消确认：{material} — {what}',
    'cli.added': '已导入 {count} 个文件到“{material}”。',
    'cli.unknownPart': '没有部位“{part}”。可用部位：{known}。',
    'cli.usage.dates': '用法：matprep dates <文件夹> <材料ID> [--issued YYYY-MM-DD] [--valid-until YYYY-MM-DD|长期]',
    'cli.datesSet': '已保存“{material}”的日期。',
    'cli.isDirectory': '“{file}”是文件夹，这里需要文件。请写出文件的路径（含文件名）。',
    'cli.notDirectory': '路径“{file}”中有一段是文件而不是文件夹。请换一个文件夹。',
    'cli.noRulesDir': '找不到 --rules-dir 指定的规则文件夹“{dir}”。请检查路径，或去掉 --rules-dir 使用默认文件夹。',
    'cli.badBoolean': '“{field}”只能填“是”或“否”（true / false），“{value}”不行。',
    'cli.badDpi': '--dpi 要是 72 到 600 之间的整数，“{value}”不行。',
    'cli.badJpegQuality': '--jpeg-quality 要是 30 到 100 之间的整数，“{value}”不行。',
    'cli.badChoice': '{option} 只能是 {choices}，“{value}”不行。',
    'cli.origin.built-in': '内置',
    'cli.origin.user': '用户',
  },
  en: {
    'cli.bind.usage':
      'Usage: matprep bind <project-dir> -o <out.pdf> [--preset online|print] [--dpi N] [--jpeg-quality N] [--duplex] [--dividers] [--watermark|--no-watermark] [--header] [--binding-margin] [--number-front-matter|--no-number-front-matter] [--landscape keep|rotate] [--source-outlines keep|drop] [--forms flatten|keep] [--appendix <material id,...>] [--changes-page] [--allow-incomplete] [--deterministic] [--password <file name>=<password>] [--correction-list <list.pdf>] [--json]',
    'cli.bind.options': `Options (an option not given keeps the project's setting, as saved in the app):
  --preset online|print         what it is for: submitting online (images compressed, no dividers or blank pages) or
                                printing and binding (double-sided, binding margin, dividers, landscape turned); other
                                options given adjust it
  --dpi N                       image resolution, 72–600 (default 200)
  --jpeg-quality N              image quality, 30–100 (default 85; lower gives a smaller file)
  --duplex                      double-sided: each material starts on an odd page
  --dividers                    a divider page before each material
  --watermark / --no-watermark  watermark the materials that ask for one (ID cards and the like), or not
  --header                      the applicant's name in a header on every page
  --binding-margin              a wider left margin to bind along (about 25 mm)
  --number-front-matter / --no-number-front-matter
                                number the cover and contents too / start numbering at the first material
  --landscape keep|rotate       landscape pages: keep them landscape (default) / turn them portrait
  --source-outlines keep|drop   bookmarks the files bring along: keep (default) / drop
  --forms flatten|keep          PDF forms: flatten, so they print as shown (default) / keep fillable
  --appendix <material id,...>  bind these materials last, as appendices
  --changes-page                add a 补正说明 page after the 目录 (changes since the last submission, per request)
  --allow-incomplete            bind even when materials are missing (a draft)
  --deterministic               identical input gives identical bytes (dated by --today)
  --password <file name>=<pw>   the open password of an encrypted PDF
  --correction-list <file.pdf>  when refused, write the 补正清单 there
  --json                        print the result as JSON`,
    'cli.export.usage': 'Usage: matprep export <project-dir> -o <out.zip> [--json]',
    'cli.bind.written': 'Wrote {output}: {pages} pages, {size}',
    'cli.help': helpEn,
    'cli.unknownCommand': 'There is no command "{name}". Run matprep --help to see the commands.',
    'cli.badArgs': 'Bad arguments: {detail}',
    'cli.unknownOption': 'there is no option "{option}".',
    'cli.optionValue': 'option "{option}" needs a value.',
    'cli.unexpectedArgument': 'unexpected argument "{argument}".',
    'cli.badLang': 'Unsupported language "{lang}"; use zh-CN or en.',
    'cli.usage.init': 'Usage: matprep init <dir> --rule <ruleId> [--name NAME]',
    'cli.usage.set': 'Usage: matprep set <dir> <fieldId> <value>',
    'cli.usage.confirm': 'Usage: matprep confirm <dir> <materialId> <what> [--undo]',
    'cli.usage.add': 'Usage: matprep add <dir> <materialId> <file>... [--part PART] [--password PW]',
    'cli.initDone': 'Created project {dir} ({title})',
    'cli.fieldSet': 'Saved "{field}".',
    'cli.fieldInvalid': '{reason} ("{field}" was saved; correct it and run matprep set again.)',
    'cli.confirmed': 'Confirmed: {material} — {what}',
    'cli.unconfirmed': 'Confirmation removed: {material} — {what}',
    'cli.added': {
      one: 'Imported {count} file into "{material}".',
      other: 'Imported {count} files into "{material}".',
    },
    'cli.unknownPart': 'There is no part "{part}". Parts: {known}.',
    'cli.usage.dates': 'Usage: matprep dates <dir> <materialId> [--issued YYYY-MM-DD] [--valid-until YYYY-MM-DD|长期]',
    'cli.datesSet': 'Saved the dates of "{material}".',
    'cli.isDirectory': '"{file}" is a folder; a file is needed here. Give the path of a file, with its name.',
    'cli.notDirectory': 'Part of the path "{file}" is a file, not a folder. Choose another folder.',
    'cli.noRulesDir':
      'The rule folder "{dir}" given with --rules-dir does not exist. Check the path, or leave out --rules-dir to use the default folder.',
    'cli.badBoolean': '"{field}" takes yes or no (true / false), not "{value}".',
    'cli.badDpi': '--dpi takes a whole number from 72 to 600, not "{value}".',
    'cli.badJpegQuality': '--jpeg-quality takes a whole number from 30 to 100, not "{value}".',
    'cli.badChoice': '{option} takes {choices}, not "{value}".',
    'cli.origin.built-in': 'built-in',
    'cli.origin.user': 'user',
  },
});
