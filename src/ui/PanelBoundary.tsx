/**
 * An error boundary around one view (a panel, the map, the charts): when the view throws while rendering,
 * its message is shown in its place with a retry, and the rest of the app keeps working.
 */
import i18next from 'i18next';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './panel-boundary.css';

/** Props of {@link PanelBoundary}. */
export interface PanelBoundaryProps {
  /** What the view shows, as the user knows it ("Areas", "Map"): used in the message. */
  name: string;
  /**
   * Identity of the view's inputs: when it changes (another dataset, new boundaries) the view is tried again,
   * since the new inputs may not fail.
   */
  resetKey?: string | number;
  children: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
  resetKey: string | number | undefined;
}

/** Renders its children, or the error of the last render in their place with a retry button. */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<PanelBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: PanelBoundaryProps,
    state: PanelBoundaryState,
  ): Partial<PanelBoundaryState> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report: the component stack says which part of the view failed.
    console.error(`${this.props.name} could not be shown:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.getFixedT(null, 'views');
    return (
      <section
        className="panel view-error"
        role="alert"
        aria-label={t('errorLabel', { name: this.props.name })}
        data-testid="view-error"
        data-view={this.props.name}
      >
        <h2>{this.props.name}</h2>
        <p>
          {t('errorBefore')}
          <span className="message">{error.message}</span>
          {t('errorAfter')}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })} data-testid="view-retry">
          {t('retry')}
        </button>
      </section>
    );
  }
}
