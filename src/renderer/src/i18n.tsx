/** The current locale as React context; components translate with `useT()`. */
import { createContext, useContext, useMemo } from 'react';
import { translator, type Locale, type Translate } from '../../shared/i18n';

export const LocaleContext = createContext<Locale>('zh-CN');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
