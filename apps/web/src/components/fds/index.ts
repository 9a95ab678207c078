/** Thin React components on Det Fælles Designsystem's documented markup (dkfds), one per pattern. */
export { Alert } from './Alert';
export { Badge } from './Badge';
export { Button } from './Button';
export { Checkbox } from './Checkbox';
export { ErrorSummary } from './ErrorSummary';
export { describedBy, fieldId } from './field-ids';
export { Fieldset } from './Fieldset';
export { Header } from './Header';
export { LanguageSwitch } from './LanguageSwitch';
export { PageHeading } from './PageHeading';
export { RadioGroup } from './RadioGroup';
export { Select } from './Select';
export { SideMenu } from './SideMenu';
export { SkipLink } from './SkipLink';
export { Spinner } from './Spinner';
export { Table } from './Table';
export { TextArea } from './TextArea';
export { TextField } from './TextField';
