import { useRef } from 'react';
import { useOpenFile } from '../files/useOpenFile';

/** Opens a blueprint, or imports a Compose file or Kubernetes YAML, from the user's disk. */
export function OpenFileButton() {
  const input = useRef<HTMLInputElement>(null);
  const open = useOpenFile();
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        aria-label="Open or import a file"
        title="Open a blueprint, or import a Compose file or Kubernetes YAML"
      >
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,.json"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
    </>
  );
}
