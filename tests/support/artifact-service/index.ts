export { startAzurite, type Azurite } from './azurite.js';
export { startArtifactService, type ArtifactService, type StoredArtifact } from './twirp-service.js';
