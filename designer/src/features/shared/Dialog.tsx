import { useEffect, useRef, type ReactNode } from 'react';
import '../../styles/work.css';

/**
 * A modal on the native <dialog>: focus trapping and Escape come with it. The body scrolls and the footer
 * stays in view, so the main button is reachable on a phone however long the body grows.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The main buttons: always visible under the scrolling body. */
  footer?: ReactNode;
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
      <div className="dialog-head row space">
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
      <div className="dialog-body" data-testid={testId && `${testId}-body`}>
        {children}
      </div>
      {footer && (
        <div className="dialog-footer" data-testid={testId && `${testId}-footer`}>
          {footer}
        </div>
      )}
    </dialog>
  );
}
