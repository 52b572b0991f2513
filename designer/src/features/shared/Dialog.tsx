import { useEffect, useRef, type ReactNode } from 'react';

/** A modal on the native <dialog>: focus trapping and Escape come with it. */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
  }, []);
  return (
    <dialog ref={ref} className="dialog card" data-testid={testId} onClose={onClose} onCancel={onClose}>
      <div className="row space">
        <h2>{title}</h2>
        <button
          type="button"
          className="ghost small"
          aria-label="close"
          data-testid="dialog-close"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
