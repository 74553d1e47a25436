import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The official Berlin Group OpenAPI files (test fixtures, outside the project). */
export const officialDir = fileURLToPath(new URL('../../../shared/specs/berlin-group/', import.meta.url));

export const officialFiles = readdirSync(officialDir).filter((f) => f.endsWith('.yaml'));

export const official = (name: string): string => `${officialDir}${name}`;

export const BG_1_3_12 = official('psd2-api-1.3.12-2022-07-06.yaml');
export const PIIS_2_0 = official('psd2-piis-consent-2.0-2019-06-07.yaml');
