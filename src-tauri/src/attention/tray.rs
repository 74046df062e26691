//! Draws the tray from `desk::attention::TrayMenu`; the menu's content is decided (and tested)
//! in the core.

use super::{Attention, perform};
use desk::attention::{TrayItem, TrayMenu};
use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager};

const TRAY_ID: &str = "ik-desk";

/// Puts the icon in the tray. Where no tray host exists this still succeeds; nothing shows.
pub fn create(app: &AppHandle) -> tauri::Result<()> {
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("IK Desk")
        .on_menu_event(|app, event| {
            let action = app
                .state::<Attention>()
                .menu()
                .as_ref()
                .and_then(|m| m.action(event.id().as_ref()).cloned());
            if let Some(action) = action {
                perform(app, action);
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

/// Replaces the menu, the tooltip and the icon's state.
pub fn draw(app: &AppHandle, menu: &TrayMenu) -> tauri::Result<()> {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return Ok(());
    };
    let native = Menu::new(app)?;
    for item in &menu.items {
        match item {
            TrayItem::Label(text) => {
                native.append(&MenuItem::new(app, text, false, None::<&str>)?)?
            }
            TrayItem::Separator => native.append(&PredefinedMenuItem::separator(app)?)?,
            TrayItem::Entry { id, label, .. } => {
                native.append(&MenuItem::with_id(app, id, label, true, None::<&str>)?)?;
            }
        }
    }
    tray.set_menu(Some(native))?;
    tray.set_tooltip(Some(&menu.tooltip))?;
    if let Some(icon) = app.default_window_icon() {
        let icon = if menu.attention > 0 {
            with_badge(icon)
        } else {
            icon.clone().to_owned()
        };
        tray.set_icon(Some(icon))?;
    }
    Ok(())
}

/// The app's icon with a red dot in its top-right corner: something needs attention.
fn with_badge(icon: &Image<'_>) -> Image<'static> {
    let (w, h) = (icon.width(), icon.height());
    let mut rgba = icon.rgba().to_vec();
    let radius = i64::from(w.min(h) / 5);
    let (cx, cy) = (i64::from(w) - radius - 1, radius + 1);
    for y in 0..i64::from(h) {
        for x in 0..i64::from(w) {
            if (x - cx).pow(2) + (y - cy).pow(2) <= radius.pow(2) {
                let at = usize::try_from((y * i64::from(w) + x) * 4).unwrap_or(usize::MAX);
                if let Some(px) = rgba.get_mut(at..at + 4) {
                    px.copy_from_slice(&[220, 38, 38, 255]);
                }
            }
        }
    }
    Image::new_owned(rgba, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_badge_is_a_red_dot_in_the_top_right_corner_only() {
        let plain = Image::new_owned(vec![0; 32 * 32 * 4], 32, 32);
        let badged = with_badge(&plain);
        let px = |x: usize, y: usize| &badged.rgba()[(y * 32 + x) * 4..(y * 32 + x) * 4 + 4];
        assert_eq!(px(24, 7), [220, 38, 38, 255]);
        assert_eq!(px(4, 28), [0, 0, 0, 0]);
        assert_eq!((badged.width(), badged.height()), (32, 32));
    }
}
