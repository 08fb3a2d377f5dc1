/** Entry point of the browser app. */
// First: starts the engine before the modules below evaluate and React renders the first screen.
import './engine-start';
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
