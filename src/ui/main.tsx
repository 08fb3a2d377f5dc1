/** Entry point of the browser app. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installBenchHooks } from './bench-hooks';
import { boot } from './boot';
import { initI18nFromPage } from './i18n';
import './styles.css';
import './publish.css';

initI18nFromPage();
createRoot(document.getElementById('root')!).render(<App />);
installBenchHooks();
void boot();
