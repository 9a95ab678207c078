export interface LanguageSwitchProps {
  label: string;
  current: string;
  languages: readonly { code: string; name: string }[];
  onChange(code: string): void;
}

/** FDS "Sprogvælger": each language named in itself, the current one marked. */
export function LanguageSwitch({ label, current, languages, onChange }: LanguageSwitchProps) {
  return (
    <nav className="language-switcher" aria-label={label}>
      <ul>
        {languages.map((language) => (
          <li key={language.code}>
            <button
              type="button"
              className="button button-unstyled"
              lang={language.code}
              aria-current={language.code === current ? 'true' : undefined}
              onClick={() => onChange(language.code)}
            >
              {language.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
