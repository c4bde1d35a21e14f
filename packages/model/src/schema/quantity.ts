/** Memory and storage sizes in Kubernetes quantity form (binary or decimal suffixes). No zod here: the designer's initial chunk imports it. */
export const QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/;
