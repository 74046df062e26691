//! How the Linux webview paints: on the GPU where there is one, in software where there is none.
//!
//! WebKitGTK composites with OpenGL. Without a GPU (a virtual machine, a remote desktop, a
//! server's display) that OpenGL is drawn by the processor, and there the organisations were drawn
//! 1440 ms after the launch against 578 painted in software, a keystroke on the Users page took
//! 36 ms to paint against 16, and the app held 92 MiB more (`make bench`, docs/benchmarks.md,
//! "Start-up drawn: the renderer and the font stack"). A machine without a GPU has no
//! render node in `/dev/dri`; there the webview is told to paint in software before its first
//! frame. Where a GPU is found WebKit keeps its default. `IK_DESK_GPU=1` or `IK_DESK_GPU=0`
//! overrides the finding either way.

use std::path::Path;
use std::sync::OnceLock;

/// `1` (or `true`, `yes`, `on`) composites on the GPU, `0` (or `false`, `no`, `off`) paints in
/// software, whatever was found.
pub const GPU_VAR: &str = "IK_DESK_GPU";

/// Where the GPU's render nodes are on Linux (`renderD128` and on).
const DRI: &str = "/dev/dri";

/// The renderer chosen for the window, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// WebKit's default: compositing with OpenGL, on the GPU that was found.
    Gpu { asked: bool },
    /// Painting in software.
    Software { asked: bool },
}

impl Renderer {
    /// Chooses from the value of [`GPU_VAR`] and whether the machine has a GPU render node.
    pub fn choose(gpu_var: Option<&str>, has_render_node: bool) -> Self {
        match gpu_var.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("1" | "true" | "yes" | "on") => Self::Gpu { asked: true },
            Some("0" | "false" | "no" | "off") => Self::Software { asked: true },
            _ if has_render_node => Self::Gpu { asked: false },
            _ => Self::Software { asked: false },
        }
    }

    /// One line for a bug report (in English, as the rest of the report).
    pub fn describe(self) -> &'static str {
        match self {
            Self::Gpu { asked: false } => "composited on the GPU (a GPU render node was found)",
            Self::Gpu { asked: true } => "composited on the GPU (IK_DESK_GPU)",
            Self::Software { asked: false } => "painted in software (no GPU render node was found)",
            Self::Software { asked: true } => "painted in software (IK_DESK_GPU)",
        }
    }
}

/// Whether `dri` holds a render node: a GPU the webview can composite on.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

static CHOSEN: OnceLock<Renderer> = OnceLock::new();

/// The webview's hardware acceleration policy, read back from its settings once the choice was
/// applied.
static APPLIED: OnceLock<&'static str> = OnceLock::new();

/// What the webview's own settings said once the choice was applied (`never`, `on demand`,
/// `always`): `None` off Linux, or if they could not be read.
pub fn applied() -> Option<&'static str> {
    APPLIED.get().copied()
}

/// The renderer this run's window paints with; `None` off Linux, where the system's webview
/// decides, and before the window is made.
pub fn chosen() -> Option<Renderer> {
    CHOSEN.get().copied()
}

/// Applies the choice to the window's webview, before its first frame. Elsewhere than on the
/// Linux desktop the system's webview decides, and this does nothing.
pub fn apply(window: &tauri::WebviewWindow) {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let renderer = *CHOSEN.get_or_init(|| {
            Renderer::choose(
                std::env::var(GPU_VAR).ok().as_deref(),
                has_render_node(Path::new(DRI)),
            )
        });
        tracing::info!("the webview is {}", renderer.describe());
        let software = matches!(renderer, Renderer::Software { .. });
        let applied = window.with_webview(move |webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            let Some(settings) = webview.inner().settings() else {
                tracing::warn!("the webview's settings could not be read");
                return;
            };
            if software {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
            let policy = match settings.hardware_acceleration_policy() {
                HardwareAccelerationPolicy::Never => "never",
                HardwareAccelerationPolicy::Always => "always",
                HardwareAccelerationPolicy::OnDemand => "on demand",
                _ => "unknown",
            };
            let _ = APPLIED.set(policy);
        });
        if let Err(e) = applied {
            tracing::warn!("the webview keeps WebKit's own renderer: {e}");
        }
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    let _ = (window, DRI);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_where_no_gpu_is_found_unless_asked_otherwise() {
        assert_eq!(
            Renderer::choose(None, false),
            Renderer::Software { asked: false }
        );
        assert_eq!(Renderer::choose(None, true), Renderer::Gpu { asked: false });
        for unclear in ["", "maybe", "2"] {
            assert_eq!(
                Renderer::choose(Some(unclear), true),
                Renderer::Gpu { asked: false },
                "{unclear:?}"
            );
            assert_eq!(
                Renderer::choose(Some(unclear), false),
                Renderer::Software { asked: false },
                "{unclear:?}"
            );
        }
        for yes in ["1", "true", "TRUE", " yes ", "on"] {
            assert_eq!(
                Renderer::choose(Some(yes), false),
                Renderer::Gpu { asked: true },
                "{yes:?}"
            );
        }
        for no in ["0", "false", "No", " off"] {
            assert_eq!(
                Renderer::choose(Some(no), true),
                Renderer::Software { asked: true },
                "{no:?}"
            );
        }
    }

    #[test]
    fn a_render_node_is_a_gpu_a_card_alone_or_no_folder_is_not() {
        let dir = std::env::temp_dir().join(format!("ik-desk-dri-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(!has_render_node(&dir), "no folder");
        std::fs::create_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "an empty folder");
        // A display controller without a render node (a virtual machine's plain framebuffer).
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(!has_render_node(&dir), "a card alone");
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_render_node(&dir), "a render node");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
