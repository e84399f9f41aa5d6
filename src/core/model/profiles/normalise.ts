/**
 * A profile's values in the form a project stores them (`normaliseFieldText`: no spaces in a phone
 * number, upper-case check letters), so a profile shows what its projects will get.
 */
import { normaliseFieldText } from '../fields/normalise';
import { provinceName } from '../fields/provinces';
import { PROFILE_FIELD_TYPES } from './fields';
import type { ProfileDetails } from '../schemas/profiles';

export function normaliseProfileDetails<T extends ProfileDetails>(details: T): T {
  const typed = Object.fromEntries(
    Object.entries(PROFILE_FIELD_TYPES).map(([key, type]) => [
      key,
      normaliseFieldText(type, details[key as keyof ProfileDetails] as string),
    ]),
  );
  return {
    ...details,
    ...typed,
    province: provinceName(details.province),
    contacts: details.contacts.map((c) => ({ ...c, mobile: normaliseFieldText('mobile', c.mobile) })),
  };
}
