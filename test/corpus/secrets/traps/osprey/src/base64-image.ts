// 1x1 transparent PNG used as the berth-map placeholder tile
export const EMPTY_TILE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
export const CONTAINER_ID_PATTERN = /^[A-Z]{3}[UJZ]\d{7}$/;
export const VESSEL_IMO = 'IMO 9811000';
