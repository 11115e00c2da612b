-- Hazards and casualties are the two tables that grow by imports of 100,000 rows, and every inserted row
-- goes into their spatial indexes. SP-GiST (PostGIS's quad-tree over boxes) takes a row in about half the
-- time GiST does; its bounding-box lookups (&&) are a little slower, a small part of a tile's time.
-- Measured on the bench database (1,003,178 hazards, 215,531 casualties), 100,000 rows inserted:
--   hazard.geom    GiST +0.80 s   SP-GiST +0.36 s
--   hazard.anchor  GiST +0.69 s   SP-GiST +0.39 s
--   casualty.geom  GiST +0.74 s   SP-GiST +0.43 s
--   the && lookups of 400 hazard tiles (z4-8 on anchor, z9-14 on geom): 1.60-1.63 s and 0.016-0.018 s with GiST,
--   1.73-1.74 s and 0.021 s with SP-GiST, while the whole tile functions take 17-26 s and 0.22-0.35 s either way
--   (run to run noise is larger than the difference); casualty tiles 1.07-1.45 s either way.
-- No query here orders by distance (<->), the one thing GiST would still be needed for.
DROP INDEX hazard_geom_idx;
CREATE INDEX hazard_geom_idx ON hazard USING spgist (geom);
DROP INDEX hazard_anchor_idx;
CREATE INDEX hazard_anchor_idx ON hazard USING spgist (anchor);
DROP INDEX casualty_geom_idx;
CREATE INDEX casualty_geom_idx ON casualty USING spgist (geom);
