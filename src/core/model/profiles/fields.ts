/** Which profile values are typed identifiers (no Node imports: the profile form reads this too). */
import type { ProfileDetails } from '../schemas/profiles';

/** The field type (as in the rule packs) of each typed profile value: stored and validated as such. */
export const PROFILE_FIELD_TYPES: Partial<Record<keyof ProfileDetails, string>> = {
  uscc: 'uscc',
  legalRepId: 'cn-id',
  legalRepMobile: 'mobile',
  legalRepEmail: 'email',
};
