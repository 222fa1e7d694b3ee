//! Pure views: each takes `&App` and draws into a frame; none changes state. Geometry comes
//! from `app::layout`, so mouse hit-testing matches what is drawn.

mod call;
mod chrome;
mod overlay;
mod panes;
mod picker;
pub(crate) mod questions;
mod rehearse;
mod report;
mod review;
mod session;
mod sweet_spot;
mod team;
pub mod theme;
mod world;

use crate::app::{Action, App, Scope, Screen, layout};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole screen for the app's state.
pub fn render(frame: &mut Frame, app: &App) {
    theme::use_theme(app.theme);
    let area = frame.area();
    if !layout::fits(area) {
        too_small(frame, area, app);
        return;
    }
    let regions = layout::frame(area);
    chrome::header(frame, regions.header, app);
    match &app.workbook {
        Some(wb) => match wb.screen {
            Screen::World => world::render(frame, regions.body, wb, (&app.keys, &app.team)),
            Screen::Questions => questions::render(frame, regions.body, wb, app),
            Screen::Rehearse => rehearse::render(frame, regions.body, app, wb),
            Screen::Call => call::render(frame, regions.body, wb, app),
            Screen::Review => review::render(frame, regions.body, wb, app),
            Screen::Fit => sweet_spot::render(frame, regions.body, wb, app),
        },
        None => match &app.picker.report {
            Some(report) => report::render(frame, regions.body, report, &app.keys),
            None => picker::render(
                frame,
                regions.body,
                &app.picker,
                (&app.keys, app.now().date_naive(), app.team.criteria()),
            ),
        },
    }
    chrome::status(frame, regions.status, app);
    chrome::footer(frame, regions.footer, app);
    if let Some(overlay) = &app.overlay {
        overlay::render(frame, area, app, overlay);
    }
}

/// Drawn instead of the app when the terminal is below the minimum size.
fn too_small(frame: &mut Frame, area: Rect, app: &App) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}x{} now, callbook needs at least {}x{}",
            area.width,
            area.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        )),
        Line::from(if app.typing_changes() {
            "Enlarge the window to finish what you are typing".to_owned()
        } else {
            format!(
                "Enlarge the window, or press {} to quit",
                app.key(Scope::TooSmall, Action::Quit)
            )
        }),
    ];
    let y = area.height.saturating_sub(3) / 2;
    let rect = Rect::new(area.x, area.y + y, area.width, area.height.saturating_sub(y));
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}
