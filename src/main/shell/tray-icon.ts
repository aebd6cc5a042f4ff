// 32×32 RGBA PNG (a blue ring crossed by a bar), inlined so the packaged app needs no path lookup
// for its tray/window icon. Replace with resources/ artwork when there is some.
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAeUlEQVR42u2XwQ3AIAwDs0lH7OAdwh2BOnGEoTzuSXISCjhx3U/MJFYUwIA2AZDIBFCkJAARKQGIoQQqd0udZQqopiUlkJ1zWkDZ/FNNK4GO5sPa9gKdHIE1BP41BecltPiMLL7j6YHEIpJZhFKLWG6xmNisZntuxy/7D37OcBmguwAAAABJRU5ErkJggg=='
