/** Picks an example; shows what to notice in the one loaded. */
import type { ExampleEntry } from '../examples/examples';
import './ExamplesMenu.css';

interface ExamplesMenuProps {
  examples: readonly ExampleEntry[];
  /** The loaded example, while it is unedited. */
  selectedId: string | null;
  onSelect(id: string): void;
}

export function ExamplesMenu({ examples, selectedId, onSelect }: ExamplesMenuProps) {
  return (
    <label className="examples-menu">
      <span className="examples-menu__label">Example</span>
      <select
        data-testid="examples-menu"
        value={selectedId ?? ''}
        onChange={(event) => event.target.value && onSelect(event.target.value)}
      >
        {selectedId === null && <option value="">Your scenario (edited)</option>}
        {examples.map((example) => (
          <option key={example.id} value={example.id}>
            {example.title}
          </option>
        ))}
      </select>
    </label>
  );
}
