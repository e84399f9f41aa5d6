/**
 * A photo made into a scan, before and after side by side (native <dialog>): the original with the
 * page's corners (CornerEditor, to fix the detection) and the flattened page. Saving the corners
 * flattens again; the switch chooses which of the two is bound. The original is never changed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ProjectView, Reply, Request } from '../../../shared/ipc';
import type { FileRef } from '../../../core/model/schemas/project';
import type { ScanQuad } from '../../../core/model/scan/result';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { useFileBytes } from './FilePreview';
import { CornerEditor } from './CornerEditor';

type Props = {
  dir: string;
  materialId: string;
  file: FileRef;
  onView: (view: ProjectView) => void;
  onClose: () => void;
};

/** A blob URL for bytes, revoked when they change or the view goes. */
function useBlobUrl(bytes: Uint8Array | null | undefined, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) return setUrl(null);
    const next = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes, type]);
  return url;
}

/** Where to start when no page was found: a little inside the frame. */
function frameCorners(width: number, height: number): ScanQuad {
  const dx = Math.round(width * 0.05);
  const dy = Math.round(height * 0.05);
  return [
    [dx, dy],
    [width - dx, dy],
    [width - dx, height - dy],
    [dx, height - dy],
  ];
}

export function ScanDialog({ dir, materialId, file, onView, onClose }: Props) {
  const t = useT();
  const run = useRun();
  const keysId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [scan, setScan] = useState<Reply<'project:scan'> | null>(null);
  const [corners, setCorners] = useState<ScanQuad | null>(null);
  const original = useFileBytes(dir, file.sha256);
  const photoUrl = useBlobUrl(original instanceof Uint8Array ? original : null, file.mediaType);
  const flatUrl = useBlobUrl(scan?.flattened, 'image/jpeg');
  const base = { dir, materialId, fileId: file.id };
  // The corners the page was last flattened with; reloaded whenever the file's choice changes.
  const chosen = JSON.stringify(file.scan?.corners ?? null);
  useEffect(() => {
    let live = true;
    void run(() => call('project:scan', base)).then((reply) => {
      if (!live || !reply) return;
      setScan(reply);
      const { result } = reply;
      if (result) setCorners(file.scan?.corners ?? result.corners ?? frameCorners(result.width, result.height));
    });
    return () => {
      live = false;
    };
    // Reloaded for a new file or new corners only (`chosen`), not on every new view.
  }, [dir, materialId, file.id, chosen]);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  const update = async (change: Pick<Request<'project:updateFile'>, 'scan'>) => {
    const next = await run(() => call('project:updateFile', { ...base, ...change }));
    if (next) onView(next);
  };
  const result = scan?.result;
  const off = Boolean(file.scan?.off);
  const saved = JSON.stringify(file.scan?.corners ?? result?.corners ?? null);
  const changed = corners !== null && JSON.stringify(corners) !== saved;
  return (
    <dialog ref={dialog} className="preview scan-dialog" aria-labelledby="scan-title" onClose={onClose}>
      <div className="preview-head">
        <h2 id="scan-title">{t('ui.scan.title', { name: file.name })}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('ui.scan.close')}
        </button>
      </div>
      {!scan && <p role="status">{t('ui.scan.loading')}</p>}
      {scan && !result && <p>{t('ui.scan.notScanned')}</p>}
      {result && corners && (
        <>
          <div className="scan-sides">
            <figure aria-labelledby="scan-before">
              <figcaption id="scan-before">{t('ui.scan.before')}</figcaption>
              {photoUrl && (
                <CornerEditor
                  url={photoUrl}
                  alt={t('ui.scan.photoAlt', { name: file.name })}
                  width={result.width}
                  height={result.height}
                  corners={corners}
                  onChange={setCorners}
                  describedBy={keysId}
                />
              )}
              <p id={keysId} className="help-text">
                {t('ui.scan.keys')}
              </p>
              {!result.corners && <p className="help-text">{t('ui.scan.noPage')}</p>}
            </figure>
            <figure aria-labelledby="scan-after">
              <figcaption id="scan-after">{t('ui.scan.after')}</figcaption>
              {flatUrl ? (
                <img className="scan-flat" src={flatUrl} alt={t('ui.scan.flatAlt', { name: file.name })} />
              ) : (
                <p className="help-text">{t('ui.scan.noFlat')}</p>
              )}
            </figure>
          </div>
          <div className="row scan-actions">
            <button
              type="button"
              className="primary"
              disabled={!changed}
              onClick={() => void update({ scan: { corners } })}
            >
              {t('ui.scan.save')}
            </button>
            {file.scan?.corners && result.corners && (
              <button type="button" onClick={() => void update({ scan: off ? { off: true } : null })}>
                {t('ui.scan.reset')}
              </button>
            )}
          </div>
          <fieldset className="scan-use">
            <legend>{t('ui.scan.use')}</legend>
            <label className="choice">
              <input
                type="radio"
                name={`${keysId}-use`}
                checked={!off}
                disabled={!flatUrl}
                onChange={() => void update({ scan: file.scan?.corners ? { corners: file.scan.corners } : null })}
              />
              {t('ui.scan.useScan')}
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${keysId}-use`}
                checked={off}
                onChange={() => void update({ scan: { ...file.scan, off: true } })}
              />
              {t('ui.scan.useOriginal')}
            </label>
          </fieldset>
        </>
      )}
    </dialog>
  );
}
