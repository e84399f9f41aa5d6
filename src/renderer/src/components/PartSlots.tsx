/**
 * A material made of named parts (身份证 人像面 / 国徽面): one slot per part, each with its outline
 * picture, its own drop zone and add button, and the files marked as that part. Files not marked
 * with a part this pack knows (added before slots existed, or under an older pack) are listed below,
 * where a part can still be chosen for them; the saved data (`part` on the file) is the same.
 */
import { useId, useState, type DragEvent } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import type { MaterialRule } from '../../../core/model/schemas/rules';
import type { FileRef } from '../../../core/model/schemas/project';
import { materialKind, partPicture } from '../../../core/model/rules/kinds';
import { useT } from '../lib/i18n';
import { FileList } from './FileList';
import { ExamplePicture } from './Examples';

type Props = {
  view: ProjectView;
  material: MaterialRule & { parts: NonNullable<MaterialRule['parts']> };
  files: FileRef[];
  accept: string;
  addFiles: (files: File[], part?: string) => Promise<void>;
  mutate: (action: () => Promise<ProjectView>) => Promise<void>;
  onView: (view: ProjectView) => void;
  onRemove: (file: FileRef, index: number) => Promise<void>;
};

/** The parts a file is marked with (a scan of both sides is marked "front,back"). */
export const partsOf = (file: FileRef) => (file.part ?? '').split(/[\s,+]+/).filter(Boolean);

export function PartSlots({ view, material, files, accept, addFiles, mutate, onView, onRemove }: Props) {
  const t = useT();
  const known = new Set(material.parts.map((p) => p.id));
  const unassigned = files.filter((f) => !partsOf(f).some((p) => known.has(p)));
  const kind = materialKind(material);
  // The undo puts a removed file back where it was in the whole list, not in the slot's.
  const remove = (file: FileRef) => onRemove(file, files.indexOf(file));
  const listProps = { view, material, mutate, onView, onRemove: remove };
  return (
    <>
      <div className="slots">
        {material.parts.map((part) => (
          <Slot
            key={part.id}
            title={part.title}
            picture={partPicture(kind, part.id)}
            accept={accept}
            onFiles={(added) => addFiles(added, part.id)}
          >
            <FileList {...listProps} files={files.filter((f) => partsOf(f).includes(part.id))} inSlot />
          </Slot>
        ))}
      </div>
      {unassigned.length > 0 && (
        <section className="unassigned" aria-label={t('ui.slot.unassigned')}>
          <h3>{t('ui.slot.unassigned')}</h3>
          <FileList {...listProps} files={unassigned} />
        </section>
      )}
    </>
  );
}

function Slot({
  title,
  picture,
  accept,
  onFiles,
  children,
}: {
  title: string;
  picture: ReturnType<typeof partPicture>;
  accept: string;
  onFiles: (files: File[]) => Promise<void>;
  children: React.ReactNode;
}) {
  const t = useT();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  // The slot takes the drop, so the material's own drop zone does not add the file without a part.
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    void onFiles(Array.from(e.dataTransfer.files));
  };
  return (
    <section
      className={`slot ${dragging ? 'dragging' : ''}`}
      aria-labelledby={`${id}-title`}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {picture && <ExamplePicture name={picture} compact />}
      <div className="slot-drop">
        <span>{t('ui.slot.drop')}</span>
        <label htmlFor={`${id}-input`} className="button primary file-button">
          {t('ui.slot.add', { part: title })}
        </label>
        <input
          id={`${id}-input`}
          className="visually-hidden"
          type="file"
          multiple
          accept={accept}
          onChange={(e) => {
            const added = Array.from(e.target.files ?? []);
            e.target.value = '';
            void onFiles(added);
          }}
        />
      </div>
      {children}
    </section>
  );
}
