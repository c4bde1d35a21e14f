import { type Ref, useImperativeHandle, useRef } from 'react';

/** What a FilePicker's ref holds: `open()` shows the browser's file dialog. */
export interface FilePickerHandle {
  open(): void;
}

/**
 * The hidden file input behind "Open…" and "Import a file…": a blueprint, a Compose file or
 * Kubernetes YAML (.yaml, .yml, .json). Hands the picked file to `onFile` and clears the input, so
 * picking the same file again reads it again.
 */
export function FilePicker({ ref, onFile }: { ref: Ref<FilePickerHandle>; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ open: () => input.current?.click() }), []);
  return (
    <input
      ref={input}
      type="file"
      accept=".yaml,.yml,.json"
      hidden
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
