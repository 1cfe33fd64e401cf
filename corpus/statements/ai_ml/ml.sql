-- Trino ML plugin functions (features, learn_*classifier/regressor, classify, regress, evaluate_classifier_predictions) are refused: non-mappable.
-- Snapshot-only: the ml plugin is not installed in .tools/trino (plugin/ holds memory, tpcds, tpch), so this Trino cannot analyze it; argument types follow functions/ml.html.
-- expect: flagged non-mappable
WITH iris(species, label, sepal_length, sepal_width, petal_length, petal_width) AS (VALUES
  ('setosa', 0, 5.1E0, 3.5E0, 1.4E0, 0.2E0),
  ('versicolor', 1, 7.0E0, 3.2E0, 4.7E0, 1.4E0),
  ('virginica', 2, 6.3E0, 3.3E0, 6.0E0, 2.5E0),
  ('virginica', 2, 5.8E0, 2.7E0, 5.1E0, 1.9E0)),
  models(classifier, libsvm_classifier, regressor, libsvm_regressor) AS (
    SELECT
      learn_classifier(species, features(sepal_length, sepal_width, petal_length, petal_width)),
      learn_libsvm_classifier(species, features(sepal_length, sepal_width, petal_length, petal_width), 'kernel=linear'),
      learn_regressor(sepal_length, features(sepal_width, petal_length, petal_width)),
      learn_libsvm_regressor(sepal_length, features(sepal_width, petal_length, petal_width), 'kernel=linear')
    FROM iris)
SELECT
  classify(features(5.9E0, 3.0E0, 5.1E0, 1.8E0), classifier) AS predicted_species,
  classify(features(5.0E0, 3.4E0, 1.5E0, 0.2E0), libsvm_classifier) AS predicted_species_libsvm,
  regress(features(3.0E0, 5.1E0, 1.8E0), regressor) AS predicted_length,
  regress(features(3.0E0, 5.1E0, 1.8E0), libsvm_regressor) AS predicted_length_libsvm,
  (SELECT evaluate_classifier_predictions(label, label % 2) FROM iris) AS evaluation
FROM models
