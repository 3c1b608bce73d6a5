/** SHA-256 through Apps Script's Utilities (no crypto global in Apps Script). */
import {bytesToHex} from '../domain/chain';

export function sha256Hex(text: string): string {
  return bytesToHex(
    Utilities.computeDigest(
      Utilities.DigestAlgorithm.SHA_256,
      text,
      Utilities.Charset.UTF_8,
    ),
  );
}
