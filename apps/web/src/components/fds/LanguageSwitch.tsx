export interface LanguageSwitchProps {
  label: string;
  current: string;
  languages: readonly { code: string; name: string }[];
  onChange(code: string): void;
}

/**
 * FDS "Sprogvælger" (components/language-switcher), above the header: each language named in
 * itself and marked with its `lang`, the current one with aria-current. Buttons, not links: the
 * language changes in place and is not part of the address.
 */
export function LanguageSwitch({ label, current, languages, onChange }: LanguageSwitchProps) {
  return (
    <div className="language-switcher d-print-none">
      <div className="container">
        <ul aria-label={label}>
          {languages.map((language) => (
            <li key={language.code}>
              <button
                type="button"
                className="function-link"
                lang={language.code}
                aria-current={language.code === current ? 'true' : undefined}
                onClick={() => onChange(language.code)}
              >
                {language.name}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
