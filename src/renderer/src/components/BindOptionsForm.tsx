/**
 * 高级: every binding option a user may change, each saved to the project at once, in groups (pages,
 * numbers and header, images, watermark, other) with one line each on what it does. Folded under the
 * two purposes (BindPresets), they read as one line of the current choices. Page-number and watermark
 * styles are picked by what they look like (TemplatePicker), filled in by the binder's own functions.
 * `deterministic` is for scripts and CI, so only the command line offers it.
 */
import { useContext, useId, useState } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import { BindOptionsSchema, type BindOptions } from '../../../core/model/schemas/bind-options';
import { applicantOf, fillWatermark, selectMaterials } from '../../../core/model/packet/select';
import { footerText } from '../../../core/model/packet/stamp-text';
import { isMaterialApplicable } from '../../../core/model/rules/applicability';
import type { Translate } from '../../../i18n';
import { PacketPackContext, useT } from '../lib/i18n';
import { DpiField } from './SettingFields';
import { AppendixField, ChoiceGroup, QualityField, Toggle } from './BindOptionFields';
import { TemplatePicker } from './TemplatePicker';

/** What applies when the project has not set an option: the user's settings. */
export type BindDefaults = { dpi: number; pageNumberFormat: string; watermarkText: string };

type Props = {
  view: ProjectView;
  defaults: BindDefaults;
  /** The page count the page-number preview uses: the last packet's, or an example. */
  sampleTotal: number;
  disabled: boolean;
  onSave: (options: Partial<BindOptions>) => Promise<void>;
};

/** The binder's own defaults, for the options Settings has no default for. */
const BUILT_IN = BindOptionsSchema.parse({});

/** The options the binder will use: its own defaults, then the user's settings, then the project's choices. */
export function effectiveBindOptions(view: ProjectView, defaults: BindDefaults): BindOptions {
  return { ...BUILT_IN, dpi: defaults.dpi, pageNumberFormat: defaults.pageNumberFormat, ...view.doc.bindOptions };
}

export function BindOptionsForm({ view, defaults, sampleTotal, disabled, onSave }: Props) {
  const t = useT();
  // The watermark is printed on the Chinese packet: previewed from the pack in Chinese.
  const packetPack = useContext(PacketPackContext);
  const id = useId();
  // Folded: the two purposes above set these; 高级 is for the one option a purpose does not cover.
  const [open, setOpen] = useState(false);
  const options = effectiveBindOptions(view, defaults);
  const save = (patch: Partial<BindOptions>) => void onSave(patch);
  // Only materials whose rule asks for it are watermarked (ID cards and the like).
  const marked = view.rulePack.materials.filter((m) => m.watermark && isMaterialApplicable(m, view.doc.fields));
  const bound = selectMaterials(view.doc, view.rulePack, view.report).map((m) => ({
    id: m.rule.id,
    title: m.rule.title,
  }));

  return (
    <details className="card options" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="options-title">{t('ui.bind.options')}</span>
        {!open && (
          <span className="options-summary">
            {summaryOf(t, options, sampleTotal, bound.filter((m) => options.appendix.includes(m.id)).length)}
          </span>
        )}
      </summary>
      <fieldset disabled={disabled} className="options-groups">
        <legend className="visually-hidden">{t('ui.bind.options')}</legend>
        <fieldset className="options-group">
          <legend>{t('ui.bind.group.page')}</legend>
          <Toggle
            id={`${id}-dividers`}
            label={t('ui.bind.dividers')}
            help={t('ui.bind.dividersHelp')}
            checked={options.dividers}
            onChange={(dividers) => save({ dividers })}
          />
          <Toggle
            id={`${id}-duplex`}
            label={t('ui.bind.duplex')}
            help={t('ui.bind.duplexHelp')}
            checked={options.duplex}
            onChange={(duplex) => save({ duplex })}
          />
          <Toggle
            id={`${id}-margin`}
            label={t('ui.bind.bindingMargin')}
            help={t('ui.bind.bindingMarginHelp')}
            checked={options.bindingMargin}
            onChange={(bindingMargin) => save({ bindingMargin })}
          />
          <ChoiceGroup
            id={`${id}-landscape`}
            legend={t('ui.bind.landscape')}
            help={t('ui.bind.landscapeHelp')}
            value={options.landscape}
            choices={[
              { value: 'keep', label: t('ui.bind.landscape.keep') },
              { value: 'rotate', label: t('ui.bind.landscape.rotate') },
            ]}
            onChange={(landscape) => save({ landscape })}
          />
        </fieldset>

        <fieldset className="options-group">
          <legend>{t('ui.bind.group.numbers')}</legend>
          <TemplatePicker
            id={`${id}-pn`}
            kind="pageNumber"
            label={t('ui.bind.pageNumberFormat')}
            help={t('ui.bind.pageNumberHelp', { total: sampleTotal })}
            value={options.pageNumberFormat}
            sample={(format) => footerText(format, 1, sampleTotal)}
            onCommit={(pageNumberFormat) => save({ pageNumberFormat })}
          />
          <Toggle
            id={`${id}-front`}
            label={t('ui.bind.numberFrontMatter')}
            help={t('ui.bind.numberFrontMatterHelp')}
            checked={options.numberFrontMatter}
            onChange={(numberFrontMatter) => save({ numberFrontMatter })}
          />
          <Toggle
            id={`${id}-header`}
            label={t('ui.bind.header')}
            help={t('ui.bind.headerHelp', { applicant: applicantOf(view.doc) })}
            checked={options.header}
            onChange={(header) => save({ header })}
          />
        </fieldset>

        <fieldset className="options-group">
          <legend>{t('ui.bind.group.images')}</legend>
          <DpiField
            id={`${id}-dpi`}
            label={t('ui.bind.dpi')}
            help={t('ui.bind.dpiHelp')}
            value={options.dpi}
            onChange={(dpi) => save({ dpi })}
          />
          <QualityField
            id={`${id}-quality`}
            value={options.jpegQuality}
            recommended={BUILT_IN.jpegQuality}
            onChange={(jpegQuality) => save({ jpegQuality })}
          />
        </fieldset>

        <fieldset className="options-group">
          <legend>{t('ui.bind.group.watermark')}</legend>
          <Toggle
            id={`${id}-watermark`}
            label={t('ui.bind.watermark')}
            help={
              marked.length === 0
                ? t('ui.bind.watermarkNone')
                : t('ui.bind.watermarkOn', { materials: marked.map((m) => m.title).join(t('ui.bind.separator')) })
            }
            checked={options.watermark}
            onChange={(watermark) => save({ watermark })}
          />
          {options.watermark && marked.length > 0 && (
            <TemplatePicker
              id={`${id}-wm`}
              kind="watermark"
              label={t('ui.bind.watermarkText')}
              help={t('ui.bind.watermarkHelp')}
              value={options.watermarkText ?? defaults.watermarkText}
              sample={(text) => fillWatermark(text, view.doc, packetPack ?? view.rulePack)}
              onCommit={(watermarkText) => save({ watermarkText })}
            />
          )}
        </fieldset>

        <fieldset className="options-group options-wide">
          <legend>{t('ui.bind.group.other')}</legend>
          <div className="options-row">
            <ChoiceGroup
              id={`${id}-outlines`}
              legend={t('ui.bind.sourceOutlines')}
              help={t('ui.bind.sourceOutlinesHelp')}
              value={options.sourceOutlines}
              choices={[
                { value: 'keep', label: t('ui.bind.sourceOutlines.keep') },
                { value: 'drop', label: t('ui.bind.sourceOutlines.drop') },
              ]}
              onChange={(sourceOutlines) => save({ sourceOutlines })}
            />
            <ChoiceGroup
              id={`${id}-forms`}
              legend={t('ui.bind.forms')}
              help={t('ui.bind.formsHelp')}
              value={options.forms}
              choices={[
                { value: 'flatten', label: t('ui.bind.forms.flatten') },
                { value: 'keep', label: t('ui.bind.forms.keep') },
              ]}
              onChange={(forms) => save({ forms })}
            />
          </div>
          <AppendixField
            id={`${id}-appendix`}
            materials={bound}
            chosen={options.appendix}
            onChange={(appendix) => save({ appendix })}
          />
        </fieldset>
      </fieldset>
    </details>
  );
}

/** The folded panel's one line: the main choices, then whatever else differs from the binder's default. */
function summaryOf(t: Translate, options: BindOptions, sampleTotal: number, appendices: number): string {
  const onOff = (on: boolean) => t(on ? 'ui.bind.summary.on' : 'ui.bind.summary.off');
  const main = t('ui.bind.summary', {
    dividers: onOff(options.dividers),
    duplex: onOff(options.duplex),
    watermark: onOff(options.watermark),
    dpi: options.dpi,
    pageNumber: footerText(options.pageNumberFormat, 1, sampleTotal),
  });
  const changed = [
    options.bindingMargin && t('ui.bind.summary.bindingMargin'),
    options.landscape !== BUILT_IN.landscape && t('ui.bind.summary.landscapeRotate'),
    !options.numberFrontMatter && t('ui.bind.summary.noFrontNumbers'),
    options.header && t('ui.bind.summary.header'),
    options.jpegQuality !== BUILT_IN.jpegQuality && t('ui.bind.summary.quality', { q: options.jpegQuality }),
    options.sourceOutlines !== BUILT_IN.sourceOutlines && t('ui.bind.summary.dropOutlines'),
    options.forms !== BUILT_IN.forms && t('ui.bind.summary.keepForms'),
    // Only those in the packet: a material picked earlier whose files were removed is not bound.
    appendices > 0 && t('ui.bind.summary.appendix', { count: appendices }),
  ].filter((item): item is string => Boolean(item));
  return changed.length === 0
    ? main
    : `${main}${t('ui.bind.summary.more', { items: changed.join(t('ui.bind.separator')) })}`;
}
