import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

interface Props<T extends string> {
  /** Prefix of the element ids (`<idPrefix>-tab-<id>`, `<idPrefix>-panel-<id>`). */
  idPrefix: string;
  label: string;
  tabs: ReadonlyArray<TabItem<T>>;
  selected: T;
  onSelect: (id: T) => void;
  /** The selected tab's panel. */
  children: ReactNode;
}

/**
 * Tabs as the WAI-ARIA Authoring Practices describe them (automatic activation): one Tab stop for the whole tab list
 * (roving tabindex), ArrowLeft/ArrowRight move the focus to the previous/next tab and select it (wrapping around),
 * Home/End to the first/last; Tab then goes into the panel.
 */
export function Tabs<T extends string>({ idPrefix, label, tabs, selected, onSelect, children }: Props<T>) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const next = tabs[target]!.id;
    // Focus first: the button keeps its element while the selection re-renders, so the focus stays on the new tab.
    buttons.current.get(next)?.focus();
    // Always select, even if `selected` says it is already: with keys pressed faster than React renders, `selected`
    // is the one of the last render, and skipping would leave the focused tab unselected.
    onSelect(next);
  };
  return (
    <>
      <div role="tablist" aria-label={label} className="tabs">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel-${selected}`} aria-labelledby={`${idPrefix}-tab-${selected}`} tabIndex={0} className="tabpanel">
        {children}
      </div>
    </>
  );
}
