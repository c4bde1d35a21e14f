import { useRef } from 'react';
import { FilePicker, type FilePickerHandle } from '../files/FilePicker';
import { useOpenFile, useOpenFolder } from '../files/useOpenFile';

/** Opens a blueprint, or imports a Compose file or Kubernetes YAML (or a Compose project folder), from the user's disk. */
export function OpenFileButton() {
  const picker = useRef<FilePickerHandle>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const open = useOpenFile();
  const openFolder = useOpenFolder();
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => picker.current?.open()}
        aria-label="Open or import a file"
        title="Open a blueprint, or import a Compose file or Kubernetes YAML"
      >
        Open…
      </button>
      <FilePicker ref={picker} onFile={(file) => void open(file)} />
      <button
        type="button"
        className="button"
        onClick={() => folderInput.current?.click()}
        aria-label="Open a Compose project folder"
        title="Import a folder holding compose.yaml, with its .env and env files (read in the browser)"
      >
        Folder…
      </button>
      <input
        ref={(el) => {
          folderInput.current = el;
          // React does not know webkitdirectory; set it on the element itself.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        data-testid="open-folder-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void openFolder(files);
        }}
      />
    </>
  );
}
